/// Why the benchmark stopped: the message for stderr and the exit status (64 for bad
/// arguments, 66 for a tool that cannot be run).
struct BenchmarkFailure: Error {
  var message: String
  var status: Int32
}
