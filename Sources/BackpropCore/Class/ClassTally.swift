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

  /// Without a key: every `doc` value of `examples`, each expression once, in order of first
  /// appearance (its line is the first file's that has it).
  public static func documentLines(of examples: [Example]) -> [AnswerKey.DocumentLine] {
    var seen: Set<DocumentExpression> = []
    return examples.flatMap(\.documentValues).filter { seen.insert($0.expression).inserted }
      .map { AnswerKey.DocumentLine(expression: $0.expression, text: $0.expressionText, line: $0.location.line) }
  }

  /// One row per file, in the order given.
  public var students: [Student]
  /// One row per `doc` line of the key, each expression once, in the key's order.
  public var lines: [Line]

  /// The tally of `submissions` over the key's `lines`.
  public init(_ submissions: [Submission], lines keyLines: [AnswerKey.DocumentLine]) {
    students = []
    lines = keyLines.map { Line(line: $0) }
    var mistakeCounts = Array(repeating: [Mistake.Kind: Int](), count: keyLines.count)
    for submission in submissions {
      switch submission {
      case .failed(let file, let error):
        students.append(Student(file: file, error: error))
      case .judged(let file, let judgement):
        let walkthrough = judgement.walkthrough
        var student = Student(file: file, variant: judgement.variant)
        student.copied = judgement.differences.count
        var firstByLine: [DocumentExpression: Walkthrough.Line] = [:]
        for line in walkthrough.lines {
          guard let document = line.document else { continue }
          if firstByLine[document.expression] == nil { firstByLine[document.expression] = line }
          switch line.verdict {
          case .agree?: student.right += 1
          default:
            switch line.explanation?.cause {
            case .slip?: student.slips += 1
            case .carried?: student.carried += 1
            case .rounding?, .truncated?: student.rounding += 1
            case nil: break
            }
          }
          for kind in walkthrough.mistakes[line.id]?.prefix(1).map(\.kind) ?? [] where !student.namedMistakes.contains(kind) {
            student.namedMistakes.append(kind)
          }
        }
        let slip = walkthrough.lines.filter { $0.explanation?.cause == .slip }
          .min { ($0.document?.location.line ?? 0) < ($1.document?.location.line ?? 0) }
        if let difference = judgement.differences.first {
          student.firstMistake = Place(line: difference.location.line, what: difference.message)
        } else if let slip, let document = slip.document {
          student.firstMistake = Place(line: document.location.line, what: document.expressionText)
        }
        for (index, keyLine) in keyLines.enumerated() {
          guard let line = firstByLine[keyLine.expression] else {
            student.blank += 1
            lines[index].blank += 1
            continue
          }
          if line.verdict == .agree {
            lines[index].right += 1
          } else if line.explanation?.cause == .slip {
            lines[index].slipped += 1
          } else {
            lines[index].otherwiseWrong += 1
          }
          if let kind = walkthrough.mistakes[line.id]?.first?.kind { mistakeCounts[index][kind, default: 0] += 1 }
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
