// backprop-bench: the engine benchmark. Everything but the process's exit lives in
// BackpropBenchmarks.
import BackpropBenchmarks
import Foundation

exit(Benchmarks.main(Array(CommandLine.arguments.dropFirst())))
