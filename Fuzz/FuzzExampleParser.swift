// libFuzzer harness: arbitrary bytes as an example file, then the whole pipeline a
// student's file goes through: parse, the validation gate, the walk (exact and rounded
// by hand), the causes of every difference, the walk as text and JSON, the HTML page, the
// graph picture and the handouts, and quiz judging of answers made from the input's own bytes. Built by Fuzz/run with `swiftc
// -sanitize=fuzzer,address` together with the engine's, core's and presentation's
// sources; any crash, trap, leak, run over 2 s or over 512 MB is a finding.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExampleFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard let example = try? ExampleParser.parse(data, file: "fuzz.txt"), let validated = try? ValidatedExample(example) else {
    return 0
  }
  for rounding in [nil, 3] as [Int?] {
    guard let walkthrough = try? Walkthrough(validated, rounding: rounding) else { continue }
    for notation in [Notation.unicode, .ascii] {
      for line in walkthrough.lines {
        _ = line.text(in: notation)
        _ = line.explanation?.sentence(for: line, in: walkthrough, notation: notation)
      }
    }
    var output = Output()
    WalkText(walkthrough: walkthrough, name: "fuzz.txt", terminal: Terminal(ascii: rounding != nil, colour: false)).render(into: &output)
    _ = WalkJSON.render(walkthrough, name: "fuzz.txt").rendered()
    // The classroom outputs a hostile file reaches too: the page, the graph picture, handouts.
    _ = try? WalkPage(walkthrough: walkthrough, name: "fuzz.txt", opening: .firstDifference).render()
    _ = try? GraphPicture.svg(walkthrough, options: GraphPicture.Options(edges: true, document: true))
    for version in [Handout.Version.withDocument, .blanks] {
      let handout = Handout(walkthrough: walkthrough, name: "fuzz.txt", version: version, ascii: rounding != nil)
      _ = handout.latex()
      _ = handout.markdown()
    }
    judgeAnswers(walkthrough, from: Array(data.suffix(24)))
  }
  return 0
}

/// Answers typed from the input's last bytes, each judged as the quiz judges them,
/// with the earlier answers kept as the student's.
private func judgeAnswers(_ walkthrough: Walkthrough, from bytes: [UInt8]) {
  let quiz = Quiz(walkthrough)
  let alphabet = Array("0123456789.-e+")
  var earlier: [Row.ID: PrintedNumber] = [:]
  for (k, question) in quiz.questions.prefix(8).enumerated() {
    let digits = bytes.dropFirst(3 * k).prefix(3).map { alphabet[Int($0) % alphabet.count] }
    let typed = Readable.format(question.line.value) + String(digits)
    guard let answer = PrintedNumber(typed) ?? PrintedNumber(String(digits)) else { continue }
    _ = quiz.judge(answer, to: question, earlier: earlier)
    earlier[question.row] = answer
  }
}
