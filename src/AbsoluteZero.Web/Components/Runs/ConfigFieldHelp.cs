namespace AbsoluteZero.Web.Components.Runs;

/// <summary>One line of help per config field for the New-run form (the full story is in RunConfig's comments and AZR.md).</summary>
public static class ConfigFieldHelp
{
    private static readonly Dictionary<string, string> Lines = new(StringComparer.Ordinal)
    {
        ["model.name"] = "A built-in model (tiny), a registry name, or a Hugging Face id such as Qwen/Qwen2.5-7B.",
        ["model.path"] = "A local Hugging Face folder; when set it is loaded instead of the name.",
        ["model.dtype"] = "auto: bf16 weights on CUDA, f32 on CPU.",
        ["model.device"] = "auto: CUDA when available, else CPU.",
        ["self_play.task_types"] = "Task types trained each step (the reference trains all three).",
        ["self_play.batch_size"] = "Sequences per task-type × role batch; six such batches make one step.",
        ["self_play.references"] = "K: reference triplets shown to a deduction/abduction proposer.",
        ["self_play.include_references"] = "Off reproduces the paper's no-reference-conditioning ablation (K = 0).",
        ["self_play.learnability_samples"] = "N: solver samples per valid proposal to estimate its solve rate.",
        ["self_play.induction_inputs"] = "Inputs an induction proposal gives; half are shown to the solver, half hidden. Even.",
        ["self_play.seed_batch_factor"] = "S: seeding fills each buffer to batch size × S before step 1.",
        ["self_play.seed_round_limit"] = "Seeding rounds before training starts with what exists.",
        ["self_play.seed_file"] = "Deduction/abduction seed triplets (reference JSONL); seeding is skipped when given.",
        ["self_play.induction_seed_file"] = "Induction seed problems (reference JSONL).",
        ["self_play.max_buffer_size"] = "Most tasks a buffer holds.",
        ["self_play.buffer_overflow"] = "When full: keep_oldest (the reference) drops new tasks, evict_oldest drops old ones.",
        ["self_play.solver_new_task_window"] = "Solver batches prefer tasks added in the last this-many steps.",
        ["self_play.reject_multiple_functions"] = "Reject programs with more than one def (the reference does).",
        ["self_play.function_rename"] = "Which def becomes f: first (Qwen runs) or any_last (the Llama run).",
        ["self_play.train_proposer"] = "Off reproduces the train-solver-only ablation.",
        ["self_play.max_output_chars"] = "A task whose output repr is longer than this is invalid.",
        ["rewards.proposer_extreme_reward"] = "Proposer reward when the solve rate is 0 or 1 (the reference code's −0.5; the paper says 0).",
        ["rewards.solver_wrong_reward"] = "Solver reward for a well-formatted wrong answer.",
        ["rewards.format_penalty"] = "Reward for a response that fails the format check, and for an invalid proposal.",
        ["optimization.learning_rate"] = "AdamW learning rate (the paper: 1e-6).",
        ["optimization.lr_schedule"] = "constant, cosine or linear decay after warm-up.",
        ["optimization.warmup_steps"] = "Steps of linear warm-up.",
        ["optimization.weight_decay"] = "AdamW weight decay.",
        ["optimization.beta1"] = "AdamW β1.",
        ["optimization.beta2"] = "AdamW β2.",
        ["optimization.adam_epsilon"] = "AdamW ε.",
        ["optimization.grad_clip"] = "Global gradient-norm clip.",
        ["optimization.entropy_coeff"] = "Weight of the entropy bonus.",
        ["optimization.clip_ratio"] = "PPO clip ε (with one update per step the ratio is 1 and it never binds).",
        ["optimization.micro_batch_size"] = "Sequences per forward/backward; gradients accumulate to one step.",
        ["generation.temperature"] = "Sampling temperature for proposals and solutions.",
        ["generation.top_p"] = "Nucleus sampling mass, in (0, 1].",
        ["generation.max_prompt_tokens"] = "Longer prompts are not used (references redrawn, or the task skipped).",
        ["generation.max_response_tokens"] = "Most tokens per response; longer ones are cut.",
        ["sandbox.timeout_ms"] = "Wall-clock limit per program run.",
        ["sandbox.memory_mb"] = "Address-space limit per Python worker.",
        ["sandbox.workers"] = "Warm Python workers; 0 means one per core.",
        ["schedule.steps"] = "Training steps.",
        ["schedule.save_every"] = "Checkpoint every this many steps (and at the end).",
        ["schedule.keep_checkpoints"] = "Checkpoints kept on disk; older ones are deleted.",
        ["schedule.seed"] = "Seeds every sampler, so a run is reproducible.",
    };

    public static string? For(string path) => Lines.GetValueOrDefault(path);
}
