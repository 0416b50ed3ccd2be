// The loop benchmark test asserts that no garbage collection happens in the process during its measured
// second (collections are process-wide), and the benchmark tests pin and spin on CPUs: so this assembly's
// test classes run one after another rather than beside each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
