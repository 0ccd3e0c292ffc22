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

  /// `--force`, for the commands that write files: replace a file the tool did not write.
  static func force(
    help: String = "Replace an output file that backprop-tutor did not write, or that is read-only."
  ) -> OptionDeclaration {
    .flag("force", help: help)
  }

  /// The terminal `--ascii` asks for, with colour when stdout is a terminal.
  var terminal: Terminal { Terminal(ascii: ascii) }
}
