import BackpropCore
import Foundation

/// backprop-tutor: replays worked backpropagation examples and checks hand calculations.
func run(_ arguments: [String]) throws {
  guard let command = arguments.first else {
    print(Help.overview)
    return
  }
  let rest = Array(arguments.dropFirst())
  if rest.contains("--help") || rest.contains("-h"), let text = Help.text(for: command) {
    print(text)
    return
  }
  switch command {
  case "--help", "-h":
    print(Help.overview)
  case "--version":
    print(Help.version)
  case "help":
    let parsed = try Arguments(rest, command: "help", flags: [])
    guard let topic = parsed.positionals.first else {
      print(Help.overview)
      return
    }
    guard parsed.positionals.count == 1, let text = Help.text(for: topic) else {
      throw Failure.usage("unknown subcommand '\(parsed.positionals.joined(separator: " "))'", command: nil)
    }
    print(text)
  case "walk":
    try WalkCommand(rest).run()
  case "list":
    try ListCommand(rest).run()
  case "check":
    let status = try CheckCommand(rest).run()
    if status != 0 { exit(status) }
  case "new":
    try NewCommand(rest).run()
  case "train":
    try TrainCommand(rest).run()
  case "surface":
    try SurfaceCommand(rest).run()
  case "quiz":
    try QuizCommand(rest).run()
  case "explain":
    try ExplainCommand(rest).run()
  case "graph":
    try GraphCommand(rest).run()
  case "nudge":
    try NudgeCommand(rest).run()
  default:
    throw Failure.usage("unknown subcommand '\(command)'", command: nil)
  }
}

do {
  try run(Array(CommandLine.arguments.dropFirst()))
} catch let failure as Failure {
  Console.err(failure.message + "\n")
  exit(failure.status)
} catch let error as ExampleError {
  Console.err("Error: \(error)\n")
  exit(65)
} catch {
  // Every error should have become a Failure above; if one did not, still no trap.
  Console.err("Error: \(error)\n")
  exit(70)
}
