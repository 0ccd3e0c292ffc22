import BackpropPresentation

/// Help generated from the declarations, laid out the way swift-argument-parser lays it
/// out: OVERVIEW, the discussion, USAGE, ARGUMENTS, OPTIONS (`-h, --help` last),
/// SUBCOMMANDS and EXAMPLES; two-space indent, help text from column 26, lines wrapped
/// at 80 columns.
enum HelpFormatter {
  /// The tool's name, first word of every USAGE line.
  static let tool = "backprop-tutor"
  /// Where help text starts in a row of ARGUMENTS, OPTIONS or SUBCOMMANDS.
  static let helpColumn = 26
  /// The widest a line of help is wrapped to.
  static let width = 80

  /// The `-h, --help` row every help ends its OPTIONS with.
  static let helpRow = row("-h, --help", "Show help information.")

  /// The help of one subcommand.
  static func help(for configuration: CommandConfiguration) -> String {
    var sections = [wrapped("OVERVIEW: " + (configuration.overview ?? configuration.abstract))]
    sections += configuration.discussion.map { wrapped($0) }
    sections.append(usage(for: configuration))
    if !configuration.arguments.isEmpty {
      sections.append((["ARGUMENTS:"] + configuration.arguments.map { row($0.label, $0.help) }).joined(separator: "\n"))
    }
    let options = configuration.options.map { row($0.label, $0.helpWithDefault) } + [helpRow]
    sections.append((["OPTIONS:"] + options).joined(separator: "\n"))
    if !configuration.examples.isEmpty {
      sections.append((["EXAMPLES:"] + configuration.examples.map { "  " + $0 }).joined(separator: "\n"))
    }
    return sections.joined(separator: "\n\n")
  }

  /// The tool's overview: what it is for, and one line for each subcommand.
  static func overview(abstract: String, commands: [CommandConfiguration]) -> String {
    [
      wrapped("OVERVIEW: " + abstract),
      "USAGE: \(tool) <subcommand>",
      ["OPTIONS:", row("--version", "Show the version."), helpRow].joined(separator: "\n"),
      (["SUBCOMMANDS:"] + commands.map { row($0.name, $0.abstract) }).joined(separator: "\n")
        + "\n\n  See '\(tool) help <subcommand>' for detailed help.",
    ].joined(separator: "\n\n")
  }

  /// `USAGE: backprop-tutor walk <example> [--round <n>] ...`, continued under the
  /// first argument when it is wider than a line.
  static func usage(for configuration: CommandConfiguration) -> String {
    let start = "USAGE: \(tool) \(configuration.name)"
    let words = configuration.arguments.map(\.usage) + configuration.options.flatMap(\.usage)
    var lines = [start]
    for word in words {
      if lines[lines.count - 1].count + 1 + word.count > width, lines[lines.count - 1].count > start.count + 1 {
        lines.append(String(repeating: " ", count: start.count))
      }
      lines[lines.count - 1] += " " + word
    }
    return lines.joined(separator: "\n")
  }

  /// A row of a list: the label indented by two, the help from `helpColumn`, wrapped;
  /// a label too wide for its column puts the help on the next line.
  static func row(_ label: String, _ help: String) -> String {
    let indent = String(repeating: " ", count: helpColumn)
    let lines = wrapped(help, width: width - helpColumn)
    let first = "  " + label
    guard first.count + 2 <= helpColumn else {
      return ([first] + lines.split(separator: "\n").map { indent + $0 }).joined(separator: "\n")
    }
    let padded = first + String(repeating: " ", count: helpColumn - first.count)
    return lines.split(separator: "\n").enumerated().map { ($0 == 0 ? padded : indent) + $1 }.joined(separator: "\n")
  }

  /// `text` broken between words into lines of at most `width` characters.
  static func wrapped(_ text: String, width: Int = width) -> String {
    TextWrapping.lines(text, width: width).joined(separator: "\n")
  }
}
