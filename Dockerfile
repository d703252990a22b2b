# AbsoluteZero.Web in a container: `azr serve` by default, `azr worker --queues gpu` on GPU hosts.
#   docker build -t azr .                                      CPU TorchSharp (libtorch-cpu-linux-x64)
#   docker build --build-arg TORCH_DEVICE=cuda -t azr:cuda .   CUDA TorchSharp (TorchSharp-cuda-linux, from nuget.org)
#   docker run -p 8080:8080 -e ConnectionStrings__Postgres="Host=db;Username=azr;Password=…;Database=azr" azr
#   docker run --gpus all -e ConnectionStrings__Postgres=… azr:cuda worker --queues gpu
# Ubuntu 24.04 ("noble") images: their libstdc++ has GLIBCXX_3.4.32, which TorchSharp 0.107's native library needs.
ARG TORCH_DEVICE=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TORCH_DEVICE
WORKDIR /src
COPY . .
# The UI's browser libraries (uPlot) come from package-lock.json, copied into wwwroot/lib/ before publish.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/* \
    && scripts/web-assets
RUN dotnet publish src/AbsoluteZero.Cli -c Release -o /app -p:TorchDevice=${TORCH_DEVICE}

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
# python3 runs model-written programs and benchmark harnesses; bubblewrap isolates them (see docs/platform.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 bubblewrap \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["/app/azr"]
CMD ["serve"]
