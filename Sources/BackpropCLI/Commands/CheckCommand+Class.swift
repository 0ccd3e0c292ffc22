import BackpropCore
import BackpropPresentation
import Foundation

/// `check --key KEY` and `check --summary`: every file judged by a teacher's answer key,
/// and the class at a glance.
extension CheckCommand {
  /// The options of the class mode, read and checked together.
  struct ClassOptions {
    var key: String?
    var summary: Bool
    var csv: Bool
    var svg: String?

    /// Whether the files are judged by a key or summed up as a class.
    var isClassMode: Bool { key != nil || summary }

    init(_ arguments: ParsedArguments) throws {
      key = arguments.text("key")
      summary = arguments.flag("summary")
      svg = arguments.text("svg")
      let format = arguments.text("format")!
      csv = format == "csv"
      if csv, !summary { throw arguments.usage("'--format csv' is a form of the class summary: add '--summary'") }
      if svg != nil, !summary { throw arguments.usage("'--svg' draws the class summary: add '--summary'") }
      if csv, arguments.shared.json { throw arguments.usage("'--format csv' and '--json' are two forms of one summary: choose one") }
      if summary, arguments.text("html") != nil {
        throw arguments.usage("'--html' is the page of one file; the class summary draws with '--svg'")
      }
    }
  }

  /// Judges every file by the key (or by its own network), then shows each file's
  /// differences or the class summary.
  func runClass() throws -> Int32 {
    if let svg = classOptions.svg { try FileOutput.check(svg, kind: .svg, force: force) }
    let key = try classOptions.key.map { try AnswerKeyLoader.load($0, command: "check") }
    let files = try expanded()
    try checkPage(for: files)
    var submissions: [ClassTally.Submission] = []
    var status: Int32 = 0
    var output = Output()
    var documents: [JSON] = []
    for file in files {
      do {
        let judgement =
          if let key {
            try AnswerKeyLoader.judge(file, by: key, rounding: rounding)
          } else {
            AnswerKey.Judgement(differences: [], walkthrough: try ExampleLoader.walk(file, command: "check", rounding: rounding))
          }
        if !judgement.agrees { status = max(status, 1) }
        submissions.append(.judged(file: file, judgement))
        try writePage(judgement.walkthrough, file: file)
        guard !classOptions.summary else { continue }
        if json {
          documents.append(Self.json(judgement, file: file))
        } else {
          if !output.text.isEmpty { output.line() }
          for difference in judgement.differences {
            output.line(Escaping.terminal("\(file):\(difference.location.line): \(difference.message)"))
          }
          WalkText(walkthrough: judgement.walkthrough, name: file, terminal: terminal).renderDifferences(into: &output)
          if !judgement.differences.isEmpty {
            let count = judgement.differences.count
            output.line(
              "Key: \(count) \(count == 1 ? "line differs" : "lines differ") from the key (listed first); "
                + "every value is judged with the key's network.")
          }
        }
      } catch let failure as Failure {
        if case .usage = failure { throw failure }
        status = max(status, failure.status)
        submissions.append(.failed(file: file, error: failure.detail))
        // The summary keeps the file as a row, and says why on stderr as every check does.
        guard !classOptions.summary else {
          Console.err(failure.message + "\n")
          continue
        }
        output.write()
        output = Output()
        Console.err(failure.message + "\n")
        if json { documents.append(.object([("file", .string(file)), ("error", .string(failure.detail))])) }
      }
    }
    guard classOptions.summary else {
      if json { output.line((files.count == 1 && documents.count == 1 ? documents[0] : JSON.array(documents)).rendered()) }
      output.write()
      return status
    }
    let lines =
      key?.printedLines
      ?? ClassTally.documentLines(
        of: submissions.compactMap {
          if case .judged(_, let judgement) = $0 { judgement.walkthrough.example } else { nil }
        })
    let tally = ClassTally(submissions, lines: lines)
    if let svg = classOptions.svg {
      try FileOutput.write(ClassSummaryChart.render(tally), to: svg, kind: .svg, force: force)
      Console.err(
        "Wrote \(Escaping.terminal(svg)): open it in a web browser, or convert it with 'rsvg-convert -w 1280 \(Escaping.terminal(svg)) -o class.png'.\n"
      )
    }
    if json {
      output.line(ClassSummaryJSON.render(tally).rendered())
    } else if classOptions.csv {
      Console.out(ClassSummaryCSV.render(tally))
    } else {
      ClassSummaryText(tally: tally, terminal: terminal).render(into: &output)
    }
    output.write()
    return status
  }

  /// A file's walk as JSON, with where its network differs from the key's and its variant.
  static func json(_ judgement: AnswerKey.Judgement, file: String) -> JSON {
    guard case .object(var fields) = WalkJSON.render(judgement.walkthrough, name: file) else {
      return WalkJSON.render(judgement.walkthrough, name: file)
    }
    fields.append(("variant", judgement.variant.map(JSON.integer) ?? .null))
    fields.append(
      (
        "keyDifferences",
        .array(judgement.differences.map { .object([("line", .integer($0.location.line)), ("message", .string($0.message))]) })
      ))
    return .object(fields)
  }
}

extension Failure {
  /// The message without its `Error: ` and usage line: for a record of a file that
  /// could not be checked.
  var detail: String {
    switch self {
    case .usage(let text, _), .noInput(let text), .cannotWrite(let text): Self.oneLine(text)
    case .data(let error): Self.oneLine("\(error)")
    }
  }
}
