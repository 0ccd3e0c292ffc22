// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "backprop-tutor",
  products: [
    .library(name: "BackpropEngine", targets: ["BackpropEngine"]),
    .library(name: "BackpropCore", targets: ["BackpropCore"]),
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
    // The terminal: arguments, layout, colour. No arithmetic of its own.
    .executableTarget(
      name: "backprop-tutor",
      dependencies: ["BackpropCore", "BackpropExamples"]
    ),
    // The engine benchmark: the moons-mlp workload, on the graph and as a fused loop.
    .executableTarget(
      name: "backprop-bench",
      dependencies: ["BackpropCore", "BackpropExamples"]
    ),
    .testTarget(
      name: "BackpropEngineTests",
      dependencies: ["BackpropEngine"]
    ),
    .testTarget(
      name: "BackpropCoreTests",
      dependencies: ["BackpropCore", "BackpropExamples"]
    ),
    .testTarget(
      name: "BackpropTutorTests",
      dependencies: ["backprop-tutor", "BackpropCore"]
    ),
  ]
)
