import BackpropCore
import BackpropExamples

/// What a shell offers for an argument or an option's value, read from its declaration, so
/// that the completion scripts and the manual follow the registry without a list of their own.
enum Completion: Equatable, Sendable {
  /// Nothing to offer (a number, a name inside the example).
  case nothing
  /// File and folder names.
  case files
  /// The built-in examples' names, and file and folder names.
  case examplesAndFiles
  /// One of these words.
  case words([String])

  /// Value names of options that take a path: `--output <file>`, `--svg <file>`, ...
  static let pathValueNames: Set<String> = ["file", "files", "path", "folder", "dir", "directory", "document"]

  /// What a positional argument takes, by its declared name: `<example>` (a built-in name
  /// or a file), `<subcommand>`, `<topic>`, `<shell>`, or any other path-like name.
  static func forArgument(_ argument: ArgumentDeclaration) -> Completion {
    switch argument.name {
    case "example": .examplesAndFiles
    case "subcommand": .words(CommandRegistry.commands.map { $0.configuration.name })
    case "topic": .words(Topic.all.map(\.name))
    case "shell": .words(CompletionScript.Shell.allCases.map(\.rawValue))
    default: pathValueNames.contains(argument.name) ? .files : .nothing
    }
  }

  /// What an option's value takes: its words for a choice (`--format markdown|latex`), the
  /// built-in examples and files for `<key>` (a key may be a built-in example), a path for
  /// `<file>`, nothing for a number or a list of values; a flag takes no value at all.
  static func forOption(_ option: OptionDeclaration) -> Completion {
    if case .choice(let words) = option.kind { return .words(words) }
    guard let valueName = option.valueName else { return .nothing }
    if valueName == "key" || valueName == "example" { return .examplesAndFiles }
    return pathValueNames.contains(valueName) ? .files : .nothing
  }

  /// The built-in examples' names, in `list` order.
  static var exampleNames: [String] { BuiltinExamples.names }
}
