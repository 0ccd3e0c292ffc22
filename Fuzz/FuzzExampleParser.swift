// libFuzzer harness: arbitrary bytes as an example file, then everything the tool
// does with a file that parses (evaluate, walk, check's causes, hand rounding, quiz
// judging). Built by Fuzz/run with `swiftc -sanitize=fuzzer,address` together with
// the core's sources; any crash, trap, leak or hang is a bug.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExampleFile(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard let example = try? ExampleParser.parse(data, file: "fuzz.txt") else { return 0 }
  for rounding in [nil, 3] as [Int?] {
    guard let walkthrough = try? Walkthrough(example, rounding: rounding) else { return 0 }
    for notation in [Notation.unicode, .ascii] {
      for line in walkthrough.lines {
        _ = line.text(in: notation)
        _ = line.explanation?.sentence(for: line, in: walkthrough, notation: notation)
      }
    }
    let quiz = Quiz(walkthrough)
    for question in quiz.questions.prefix(8) {
      if let answer = PrintedNumber(Readable.format(question.line.value + 0.01)) {
        _ = quiz.judge(answer, to: question, earlier: [:])
      }
    }
  }
  return 0
}
