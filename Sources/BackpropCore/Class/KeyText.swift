import Foundation

/// The lines of an example file read the way the answer key needs them: which statement
/// each line holds, without parsing the expressions.
///
/// The key's worksheets and the judging of a submission by the key's network are made
/// from the files' lines, so that each line keeps its number (a message about a
/// student's `doc` line names the student's line).
struct KeyText {
  /// What a line of an example file holds.
  enum Kind: Equatable {
    /// Nothing, or only a comment.
    case blank
    /// A `doc` line.
    case document
    /// A `let` line, and the name it defines.
    case definition(String)
    /// `title:` or `source:`.
    case header
    /// A declaration, an equation or the `loss` line: the network.
    case network
  }

  /// One line: its code (before any `#`), its comment, and what it holds.
  struct Line {
    var code: Substring
    var comment: Substring?
    var kind: Kind
  }

  var lines: [Line]

  init(_ text: String) {
    let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(Self.line)
    if lines.last.map({ $0.code.isEmpty && $0.comment == nil }) == true { lines.removeLast() }
  }

  private static func line(_ raw: Substring) -> Line {
    var code = raw
    var comment: Substring?
    if let hash = raw.firstIndex(of: "#") {
      code = raw[..<hash]
      comment = raw[raw.index(after: hash)...]
    }
    let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let kind: Kind
    switch words.first {
    case nil: kind = .blank
    case "doc"?: kind = .document
    case "let"? where words.count > 1: kind = .definition(String(words[1].prefix { $0 != "=" }))
    case let first? where first.hasPrefix("title:") || first.hasPrefix("source:") || first == "title" || first == "source":
      kind = .header
    default: kind = .network
    }
    return Line(code: code, comment: comment, kind: kind)
  }

  /// Whether the file describes a network of its own (declarations, equations, a loss),
  /// rather than only values for another file's network.
  var hasNetwork: Bool { lines.contains { $0.kind == .network } }

  /// The code of line `number` (1-based) when it is a `doc` line, trimmed.
  func documentLine(_ number: Int) -> String? {
    guard number >= 1, number <= lines.count, lines[number - 1].kind == .document else { return nil }
    return lines[number - 1].code.trimmingCharacters(in: .whitespaces)
  }

  /// The number of `# variant: N` in a comment line, if the file has one: the
  /// number, and the line it is on.
  var variant: (text: String, line: Int)? { variants.first }

  /// Every `# variant: N` comment line: the number as written, and its line.
  var variants: [(text: String, line: Int)] {
    lines.enumerated().compactMap { offset, line in
      guard line.kind == .blank, let comment = line.comment?.trimmingCharacters(in: .whitespaces),
        comment.lowercased().hasPrefix("variant:")
      else { return nil }
      return (String(comment.dropFirst("variant:".count)).trimmingCharacters(in: .whitespaces), offset + 1)
    }
  }

  /// A `doc` line's expression, as written: the code between `doc` and the last `=`
  /// outside brackets (`L[w2 = 0.6] = 154.88` holds an `=` of its own).
  static func documentExpression(_ code: Substring) -> Substring? {
    var depth = 0
    var split: Substring.Index?
    var index = code.startIndex
    while index < code.endIndex {
      switch code[index] {
      case "(", "[": depth += 1
      case ")", "]": depth -= 1
      case "=" where depth == 0: split = index
      default: break
      }
      index = code.index(after: index)
    }
    guard let split, let start = code.range(of: "doc")?.upperBound, start <= split else { return nil }
    return code[start..<split]
  }

  /// A `title:` or `source:` line as a worksheet writes it: its free text may hold what
  /// a terminal would obey rather than show (ESC, the C1 controls) and what reorders the
  /// text after it (the bidirectional controls), which the parser lets through; each is
  /// written as its code point, `U+001B` (a tab as a space), the characters `new --title`
  /// refuses.
  static func printable(_ text: String) -> String {
    let bidirectional: [ClosedRange<UInt32>] = [0x061C...0x061C, 0x200E...0x200F, 0x202A...0x202E, 0x2066...0x2069]
    var out = ""
    for scalar in text.unicodeScalars {
      let category = scalar.properties.generalCategory
      if scalar == "\t" {
        out += " "
      } else if category == .control || category == .lineSeparator || category == .paragraphSeparator
        || bidirectional.contains(where: { $0.contains(scalar.value) })
      {
        out += "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` without blanks, for comparing expressions as written.
  static func squeezed(_ text: some StringProtocol) -> String {
    String(text.filter { $0 != " " && $0 != "\t" })
  }
}
