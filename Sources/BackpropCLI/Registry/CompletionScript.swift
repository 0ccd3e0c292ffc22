import BackpropPresentation

/// A shell completion script, generated from the command registry: the subcommands, each
/// one's options, the built-in examples' names and file names. A command or option added
/// to the registry is in the next script without an edit here.
enum CompletionScript {
  /// The shells a script can be written for.
  enum Shell: String, CaseIterable, Sendable {
    case bash, zsh, fish
  }

  /// The script for `shell`, from the commands of the registry.
  static func script(for shell: Shell, commands: [CommandConfiguration]? = nil) -> String {
    let commands = commands ?? CommandRegistry.commands.map { $0.configuration }
    return switch shell {
    case .bash: bash(commands)
    case .zsh: zsh(commands)
    case .fish: fish(commands)
    }
  }

  /// The name of the shell function the bash and zsh scripts define.
  static let function = "_backprop_tutor"

  /// The options every command takes besides its own: `-h`, `--help`.
  static let helpOptions = ["--help", "-h"]

  /// The options a command declares, each name as typed (`--round`), then the help options.
  static func optionWords(_ configuration: CommandConfiguration) -> [String] {
    configuration.options.flatMap { $0.names.map { "--" + $0 } } + helpOptions
  }

  /// The first sentence of `text`, for a one-line description in a menu.
  static func firstSentence(_ text: String) -> String {
    guard let end = text.range(of: ". ") else { return text }
    return String(text[..<end.lowerBound]) + "."
  }
}
