using BankCrm.Bench.Load;

// bench load harness: `raw-server` hosts the hand-written Npgsql reference endpoint,
// `load` drives any URL list closed-loop (saturation) or open-loop (fixed rate).
return args.FirstOrDefault() switch
{
    "raw-server" => await RawCustomer360Server.RunAsync(args[1..]),
    "load" => await LoadCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: raw-server --pg CONN --urls URL | load --urls-file FILE [--token T] (--concurrency N --seconds S | --rate R --seconds S)");
    return 2;
}
