namespace BankCrm.Data.Database;

/// <summary>
/// Files that hold customer data (the SQLite database and its journals, backups) and their folders are readable by
/// the account that runs BankCrm only: 0600 files and 0700 folders on Unix, whatever the umask. Windows keeps the
/// ACLs the folder gives.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and missing parents) as 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Options for a new file created 0600 (<see cref="System.IO.FileMode.Create"/> truncates an existing one, whose mode is then set too).</summary>
    public static FileStreamOptions NewFile(System.IO.FileMode mode = System.IO.FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Creates (or truncates) a file for writing, owner-only.</summary>
    public static FileStream Create(string path)
    {
        var stream = new FileStream(path, NewFile(System.IO.FileMode.Create));
        Restrict(path);
        return stream;
    }

    /// <summary>Takes every permission from group and others on an existing file.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~FileMode) != 0)
            {
                File.SetUnixFileMode(path, mode & FileMode);
            }
        }
    }

    /// <summary>
    /// Before SQLite opens a database file: creates its folder 0700 and the file 0600 when they do not exist (SQLite
    /// gives its -wal, -shm and -journal files the database file's mode), and makes an existing file and its journals
    /// owner-only, as installs before this rule left them readable by every user.
    /// </summary>
    public static void PrepareSqliteFile(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (folder is { Length: > 0 } && !Directory.Exists(folder))
        {
            CreateFolder(folder);
        }

        if (!File.Exists(databasePath))
        {
            try
            {
                using var created = new FileStream(databasePath, NewFile());
            }
            catch (IOException) when (File.Exists(databasePath))
            {
                // Another process (a second node, the CLI) created it first.
            }
        }

        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" })
        {
            Restrict(file);
        }
    }
}
