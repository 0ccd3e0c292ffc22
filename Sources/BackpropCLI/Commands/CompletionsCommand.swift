/// `backprop-tutor completions bash|zsh|fish`: a shell completion script.
struct CompletionsCommand: Command {
  static let configuration = CommandConfiguration(
    name: "completions",
    abstract: "Print a shell completion script (bash, zsh or fish).",
    overview:
      "Print a completion script for bash, zsh or fish: the subcommands, each one's options, the built-in examples' names "
      + "and file names. The script is made from the same declarations as the help, so it always matches this version.",
    arguments: [
      ArgumentDeclaration(name: "shell", help: CompletionScript.Shell.allCases.map(\.rawValue).joined(separator: ", ") + ".")
    ],
    examples: [
      "source <(backprop-tutor completions bash)",
      "backprop-tutor completions fish > ~/.config/fish/completions/backprop-tutor.fish",
    ])

  var shell: CompletionScript.Shell

  init(_ arguments: ParsedArguments) throws {
    let name = arguments.positionals[0]
    guard let shell = CompletionScript.Shell(rawValue: name) else {
      throw arguments.usage("no completions for '\(Failure.quoted(name))': bash, zsh or fish")
    }
    self.shell = shell
  }

  func run() throws -> Int32 {
    Console.out(CompletionScript.script(for: shell))
    return 0
  }
}
