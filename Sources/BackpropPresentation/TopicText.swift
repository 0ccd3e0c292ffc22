import BackpropCore

/// An `explain` topic as text: its derivation, then the numeric checks that hold it up.
public struct TopicText {
  /// The topic: its title and derivation.
  public var topic: Topic
  /// The checks, computed with the engine.
  public var checks: [Topic.Check]

  /// The text of `topic`, with its `checks` already computed.
  public init(topic: Topic, checks: [Topic.Check]) {
    self.topic = topic
    self.checks = checks
  }

  /// The list of topics, one a line with its title.
  public static func index(_ terminal: Terminal, into output: inout Output) {
    output.line(terminal.bold("Topics") + " (backprop-tutor explain TOPIC):")
    let width = Topic.all.map(\.name.count).max() ?? 0
    for topic in Topic.all {
      output.line("  " + topic.name + String(repeating: " ", count: width - topic.name.count + 2) + text(topic.title, terminal))
    }
  }

  /// The derivation in paragraphs of at most 78 characters, then each check with its mark.
  public func render(_ terminal: Terminal, into output: inout Output) {
    output.line(terminal.bold(Self.text(topic.title, terminal)))
    for paragraph in topic.text {
      output.line()
      TextWrapping.lines(Self.text(paragraph, terminal), width: 78).forEach { output.line($0) }
    }
    output.line()
    output.line(terminal.bold("Checked with the engine at a sample point:"))
    for check in checks {
      let mark = check.holds ? terminal.green(terminal.agreeMark) : terminal.red(terminal.differMark)
      let values = "\(Readable.format(check.left, significantDigits: 8)) and \(Readable.format(check.right, significantDigits: 8))"
      output.line("  \(mark) \(Self.text(check.description, terminal)): \(terminal.notation.number(values))")
    }
  }

  /// The text, transliterated to ASCII with --ascii.
  private static func text(_ unicode: String, _ terminal: Terminal) -> String {
    terminal.ascii ? ASCIIText.transliterate(unicode) : unicode
  }
}
