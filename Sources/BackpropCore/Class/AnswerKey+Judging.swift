import Foundation

extension AnswerKey {
  /// A submission judged by the key: where its network differs from the key's, and the
  /// walk of its document values with the key's network.
  public struct Judgement {
    /// The submission's givens, equations and loss where they differ from the key's, in line order.
    public var differences: [KeyDifference]
    /// The walk of the submission's `doc` lines, computed with the key's network (its
    /// variant's, for a worksheet with a `# variant: N` line).
    public var walkthrough: Walkthrough
    /// The variant the submission was judged by, if it names one.
    public var variant: Int?

    /// A judgement of `walkthrough` with `differences` from the key's network.
    public init(differences: [KeyDifference], walkthrough: Walkthrough, variant: Int? = nil) {
      self.differences = differences
      self.walkthrough = walkthrough
      self.variant = variant
    }

    /// Whether everything agrees: the network is the key's and every document value agrees.
    public var agrees: Bool { differences.isEmpty && walkthrough.summary.differ == 0 }
  }

  /// Judges a submission's document values with the key's network.
  ///
  /// A submission that declares a network is first compared with the key
  /// (``KeyDifference``); its `doc` and `let` lines are then read, at their own line
  /// numbers, against the key's network, so a message names the submission's line. A
  /// `# variant: N` comment line makes the judge variant `N` of the key; a file may have one.
  ///
  /// - Parameter rounding: as for ``Walkthrough``: compare with the calculation done by hand.
  /// - Throws: ``ExampleError`` when the submission is not a valid example, or one of its
  ///   `doc` lines names what the key's network does not have.
  public func judge(_ text: String, file: String, rounding: Int? = nil) throws -> Judgement {
    let submission = KeyText(text)
    var key = self
    var number: Int?
    let variants = submission.variants
    if variants.count > 1 {
      throw ExampleError(
        file: file, location: SourceLocation(line: variants[1].line, column: 1),
        message: "a second '# variant:' line; the first is line \(variants[0].line), and a worksheet is one variant")
    }
    if let (written, line) = submission.variant {
      guard let value = Int(written), value >= 0 else {
        throw ExampleError(
          file: file, location: SourceLocation(line: line, column: 1),
          message: "'# variant:' takes the variant's number (0 or more), not '\(written)'")
      }
      number = value
      key = try variant(value)
    }
    var differences: [KeyDifference] = []
    if submission.hasNetwork {
      differences = KeyDifference.between(try ExampleParser.parse(text, file: file), key: key.example)
    }
    // A `doc` line that reads the student's own network but not the key's (a quantity the
    // student renamed or added) is a difference from the key, and the rest is still judged.
    // A file of `doc` lines alone has no network of its own: there such a line is an error.
    var dropped: Set<Int> = []
    while true {
      do {
        let merged = try ExampleParser.parse(key.merged(with: submission, dropping: dropped), file: file)
        let walkthrough = try Walkthrough(ValidatedExample(merged), rounding: rounding)
        differences.sort { $0.location.line < $1.location.line }
        return Judgement(differences: differences, walkthrough: walkthrough, variant: number)
      } catch let error as ExampleError {
        let line = error.location.line
        guard submission.hasNetwork, dropped.count < Self.maximumDroppedLines, !dropped.contains(line),
          let code = submission.documentLine(line)
        else { throw error }
        dropped.insert(line)
        differences.append(
          KeyDifference(
            location: error.location,
            message: "'\(code)' is not judged: with the key's network, \(error.message)"))
      }
    }
  }

  /// How many `doc` lines of a submission may be set aside as naming what the key does not
  /// have before the file is an error: each costs a parse of the file.
  static let maximumDroppedLines = 50

  /// Judges the bytes of a submission (see ``judge(_:file:rounding:)``).
  ///
  /// - Throws: ``ExampleError`` when the bytes are not UTF-8 text, or as ``judge(_:file:rounding:)``.
  public func judge(_ data: Data, file: String, rounding: Int? = nil) throws -> Judgement {
    let text: String
    do {
      text = try ExampleParser.decode(data)
    } catch let error as LocatedError {
      throw ExampleError(file: file, location: error.location, message: error.message)
    }
    return try judge(text, file: file, rounding: rounding)
  }

  /// The submission's `doc` and `let` lines where they are (but those `dropping` names, by
  /// line number), then the key's network.
  private func merged(with submission: KeyText, dropping: Set<Int> = []) -> String {
    var lines: [Substring] = []
    var defined: Set<String> = []
    for (index, line) in submission.lines.enumerated() {
      switch line.kind {
      case .document where dropping.contains(index + 1):
        lines.append("")
      case .document:
        lines.append(line.code)
      case .definition(let name):
        defined.insert(name)
        lines.append(line.code)
      default:
        lines.append("")
      }
    }
    for line in KeyText(text).lines {
      switch line.kind {
      case .blank, .document: continue
      case .definition(let name) where defined.contains(name): continue
      default: lines.append(line.code)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
