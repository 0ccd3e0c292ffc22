/// The class at a glance: for each student, how their values went; for each `doc` line
/// of the key, how the class did there. Files that could not be judged stay in the
/// tally as rows with their error: every student is accounted for.
public struct ClassTally {
  /// One submission, judged or not.
  public enum Submission {
    /// Judged by the key (or, without a key, by its own network).
    case judged(file: String, AnswerKey.Judgement)
    /// Could not be read or is not a valid example: the message says why.
    case failed(file: String, error: String)
  }

  /// One student's file.
  public struct Student: Sendable, Equatable {
    /// The file's path.
    public var file: String
    /// Why the file could not be judged, if it could not; the counts are then zero.
    public var error: String?
    /// The variant the file was judged by, if it names one.
    public var variant: Int?
    /// Document values that agree.
    public var right = 0
    /// Values wrong at their own step (the mistake is there).
    public var slips = 0
    /// Values wrong only because an earlier value was.
    public var carried = 0
    /// Values off by rounding: drift from rounding earlier values, or a value cut
    /// instead of rounded.
    public var rounding = 0
    /// The key's `doc` lines the file leaves blank or does not have.
    public var blank = 0
    /// The file's `doc` lines that answer no line of the key (another quantity, or one
    /// printed more often than the key prints it): listed, not counted as right or wrong.
    public var extra = 0
    /// Givens, equations or the loss that differ from the key's.
    public var copied = 0
    /// The first mistake in the file's line order: a difference from the key's network, else
    /// the first slip.
    public var firstMistake: Place?
    /// The common mistakes that reproduce the file's slips, each once, in walk order.
    public var namedMistakes: [Mistake.Kind] = []
  }

  /// Where a mistake is and what it is about.
  public struct Place: Sendable, Equatable {
    /// The line in the student's file.
    public var line: Int
    /// The value (`dE_total/dw5`) or the difference from the key (`w5 = 0.45, the key has 0.4`).
    public var what: String
    /// The common mistake that reproduces the value at this line, if one does.
    public var mistake: Mistake.Kind?

    /// The mistake at `line`: `what` it is about, and the common mistake it is, if named.
    public init(line: Int, what: String, mistake: Mistake.Kind? = nil) {
      self.line = line
      self.what = what
      self.mistake = mistake
    }
  }

  /// One `doc` line of the key.
  public struct Line: Sendable, Equatable {
    /// The key's line.
    public var line: AnswerKey.DocumentLine
    /// Students whose value agrees.
    public var right = 0
    /// Students whose value is a slip there: the mistake is at this step.
    public var slipped = 0
    /// Students whose value differs for another reason (carried, rounding).
    public var otherwiseWrong = 0
    /// Judged students who left it blank or do not have it.
    public var blank = 0
    /// The named mistake most students made there, if any was named.
    public var commonMistake: Mistake.Kind?
    /// How many students made ``commonMistake`` there.
    public var commonMistakeStudents = 0
  }

  /// Without a key: every `doc` value of `examples` in order of first appearance, an
  /// expression as often as the file printing it most often prints it (its line is the
  /// first file's that has it).
  public static func documentLines(of examples: [Example]) -> [AnswerKey.DocumentLine] {
    var seen: Set<Slot> = []
    var result: [AnswerKey.DocumentLine] = []
    for example in examples {
      var occurrences: [DocumentExpression: Int] = [:]
      for value in example.documentValues.sorted(by: { $0.location.line < $1.location.line }) {
        let slot = Slot(expression: value.expression, occurrence: occurrences[value.expression, default: 0])
        occurrences[value.expression, default: 0] += 1
        if seen.insert(slot).inserted {
          result.append(AnswerKey.DocumentLine(expression: value.expression, text: value.expressionText, line: value.location.line))
        }
      }
    }
    return result
  }

  /// The `occurrence`-th printing (from 0) of `expression`: a submission's k-th printing
  /// of an expression answers the key's k-th.
  struct Slot: Hashable {
    var expression: DocumentExpression
    var occurrence: Int
  }

  /// Each line's slot, in order.
  static func slots(_ expressions: [DocumentExpression]) -> [Slot] {
    var occurrences: [DocumentExpression: Int] = [:]
    return expressions.map { expression in
      defer { occurrences[expression, default: 0] += 1 }
      return Slot(expression: expression, occurrence: occurrences[expression, default: 0])
    }
  }

  /// One row per file, in the order given.
  public var students: [Student]
  /// One row per `doc` line of the key, in the key's order (an expression the key prints
  /// twice has two rows).
  public var lines: [Line]

  /// The tally of `submissions` over the key's `lines`. Only the key's lines count, each
  /// once: a file's k-th printing of an expression answers the key's k-th printing of it,
  /// and a printing that answers none is ``Student/extra``.
  public init(_ submissions: [Submission], lines keyLines: [AnswerKey.DocumentLine]) {
    students = []
    lines = keyLines.map { Line(line: $0) }
    let keySlots = Self.slots(keyLines.map(\.expression))
    let wanted = Set(keySlots)
    var mistakeCounts = Array(repeating: [Mistake.Kind: Int](), count: keyLines.count)
    for submission in submissions {
      switch submission {
      case .failed(let file, let error):
        students.append(Student(file: file, error: error))
      case .judged(let file, let judgement):
        let walkthrough = judgement.walkthrough
        var student = Student(file: file, variant: judgement.variant)
        student.copied = judgement.differences.count
        var printedLines: Set<Int> = []
        let printed = walkthrough.lines.filter { line in line.document.map { printedLines.insert($0.location.line).inserted } ?? false }
          .enumerated().sorted { ($0.element.document!.location.line, $0.offset) < ($1.element.document!.location.line, $1.offset) }
          .map(\.element)
        var answers: [Slot: Walkthrough.Line] = [:]
        for (slot, line) in zip(Self.slots(printed.map { $0.document!.expression }), printed) {
          if wanted.contains(slot) { answers[slot] = line } else { student.extra += 1 }
        }
        var firstSlip: Walkthrough.Line?
        // A slip's wrong number printed again is the mistake copied: carried, as `check` counts it.
        let newSlips = Set(walkthrough.newSlips.map(\.id))
        for (index, slot) in keySlots.enumerated() {
          guard let line = answers[slot] else {
            student.blank += 1
            lines[index].blank += 1
            continue
          }
          let mistake = walkthrough.mistakes[line.id]?.first?.kind
          if line.verdict == .agree {
            student.right += 1
            lines[index].right += 1
          } else {
            switch line.explanation?.cause {
            case .slip? where !newSlips.contains(line.id): student.carried += 1
            case .slip?:
              student.slips += 1
              lines[index].slipped += 1
              if firstSlip.map({ $0.document!.location.line > line.document!.location.line }) ?? true { firstSlip = line }
            case .carried?: student.carried += 1
            case .rounding?, .truncated?: student.rounding += 1
            case nil: break
            }
            if line.explanation?.cause != .slip || !newSlips.contains(line.id) { lines[index].otherwiseWrong += 1 }
          }
          if let mistake {
            mistakeCounts[index][mistake, default: 0] += 1
            if !student.namedMistakes.contains(mistake) { student.namedMistakes.append(mistake) }
          }
        }
        if let difference = judgement.differences.first {
          student.firstMistake = Place(line: difference.location.line, what: difference.message)
        } else if let firstSlip, let document = firstSlip.document {
          student.firstMistake = Place(
            line: document.location.line, what: document.expressionText, mistake: walkthrough.mistakes[firstSlip.id]?.first?.kind)
        }
        students.append(student)
      }
    }
    for index in lines.indices {
      // Ties go to the catalogue's order, so the same class always gives the same row.
      let best = Mistake.Kind.allCases.compactMap { kind in mistakeCounts[index][kind].map { (kind, $0) } }
        .max { $0.1 < $1.1 || ($0.1 == $1.1 && Mistake.Kind.allCases.firstIndex(of: $0.0)! > Mistake.Kind.allCases.firstIndex(of: $1.0)!) }
      lines[index].commonMistake = best?.0
      lines[index].commonMistakeStudents = best?.1 ?? 0
    }
  }
}
