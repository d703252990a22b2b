using System.Runtime.InteropServices;

namespace AbsoluteZero.Training.Checkpoints;

/// <summary>
/// The <c>latest</c> symbolic link beside a run's checkpoints. It is replaced atomically: a new link is made under a
/// temporary name and renamed over the old one, so a reader never finds it missing. .NET's File.Move refuses a link
/// that points at a folder, hence libc's rename.
/// </summary>
internal static partial class LatestLink
{
    public static void PointAt(string link, string target)
    {
        var temporary = link + ".new";
        if (File.Exists(temporary) || Directory.Exists(temporary) || new FileInfo(temporary).LinkTarget is not null)
            File.Delete(temporary);
        File.CreateSymbolicLink(temporary, Path.GetRelativePath(Path.GetDirectoryName(link)!, target));
        if (Rename(temporary, link) != 0)
            throw new IOException($"cannot point {link} at {target}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Rename(string from, string to);
}
