import BackpropPresentation

/// The options several commands share, declared once here and read once by
/// `ParsedArguments`: `--ascii` and `--json`.
struct SharedOptions: Sendable {
  /// `--ascii`: ASCII instead of Unicode symbols.
  var ascii = false
  /// `--json`: JSON instead of text.
  var json = false

  /// `--ascii`, with the usual help or a command's own.
  static func ascii(help: String = "Use ASCII instead of Unicode symbols.") -> OptionDeclaration {
    .flag("ascii", help: help)
  }

  /// `--json`, with the command's help saying what the JSON holds.
  static func json(help: String) -> OptionDeclaration {
    .flag("json", help: help)
  }

  /// The terminal `--ascii` asks for, with colour when stdout is a terminal.
  var terminal: Terminal { Terminal(ascii: ascii) }
}
