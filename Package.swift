// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "backprop-tutor",
  products: [
    .library(name: "BackpropEngine", targets: ["BackpropEngine"]),
    .library(name: "BackpropCore", targets: ["BackpropCore"]),
    .library(name: "BackpropPresentation", targets: ["BackpropPresentation"]),
    .executable(name: "backprop-tutor", targets: ["backprop-tutor"]),
  ],
  targets: [
    // The scalar engine: the tape, the operator table, MLP building blocks.
    .target(name: "BackpropEngine"),
    // The tutor's mathematics: example files, the network, evaluation, checking, the walk, teaching.
    .target(name: "BackpropCore", dependencies: ["BackpropEngine"]),
    // The worked examples of Examples/, compiled into the binary so it works from anywhere.
    .target(
      name: "BackpropExamples",
      dependencies: ["BackpropCore"],
      resources: [.embedInCode("Examples")]
    ),
    // Results as text, JSON, SVG, DOT, HTML and terminal charts; no arithmetic, no printing.
    // The walk page's own CSS and JavaScript are files of Resources/, compiled in.
    .target(
      name: "BackpropPresentation",
      dependencies: ["BackpropCore"],
      resources: [.embedInCode("Resources")]
    ),
    // The command line: the command registry, argument parsing, help, and each subcommand.
    .target(
      name: "BackpropCLI",
      dependencies: ["BackpropCore", "BackpropExamples", "BackpropPresentation"]
    ),
    // The engine benchmark: the moons-mlp workload, on the graph and as a fused loop.
    .target(
      name: "BackpropBenchmarks",
      dependencies: ["BackpropCore", "BackpropExamples", "BackpropPresentation"]
    ),
    // The tutor's executable: hands its arguments to BackpropCLI.
    .executableTarget(
      name: "backprop-tutor",
      dependencies: ["BackpropCLI"]
    ),
    // The benchmark's executable: hands its arguments to BackpropBenchmarks.
    .executableTarget(
      name: "backprop-bench",
      dependencies: ["BackpropBenchmarks"]
    ),
    // Unit tests of the mathematics.
    .testTarget(
      name: "BackpropEngineTests",
      dependencies: ["BackpropEngine"]
    ),
    .testTarget(
      name: "BackpropCoreTests",
      dependencies: ["BackpropCore", "BackpropExamples"]
    ),
    // Unit tests of the renderers: walk text, JSON, charts, DOT, escaping.
    .testTarget(
      name: "BackpropPresentationTests",
      dependencies: ["BackpropPresentation", "BackpropCore", "BackpropExamples"]
    ),
    // Unit tests of the command registry: argument parsing, validation, generated help.
    .testTarget(
      name: "BackpropCLITests",
      dependencies: ["BackpropCLI"]
    ),
    // Unit tests of the benchmark: its arguments, its data, the two runs agreeing.
    .testTarget(
      name: "BackpropBenchmarksTests",
      dependencies: ["BackpropBenchmarks"]
    ),
    // End-to-end tests: the built executable, run as a user would.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["backprop-tutor", "BackpropCore"]
    ),
  ]
)
