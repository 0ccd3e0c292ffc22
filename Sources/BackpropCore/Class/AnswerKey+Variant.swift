import Foundation

extension AnswerKey {
  /// How many draws a variant may take before the key is declared unable to vary.
  static let maximumDraws = 1000

  /// The key with other givens, drawn for student `number`: the same network, each
  /// input, parameter and constant drawn on the grid of hundredths within ±50% of the
  /// key's value (0.40 becomes one of 0.20, 0.21, ..., 0.60). Targets and the learning
  /// rate stay as the key has them: they are the task, not the numbers to work with.
  ///
  /// The draws come from ``SplitMix64`` seeded with `number`, so the same number gives
  /// the same variant on every machine. A draw that makes any step undefined or not
  /// finite is drawn again.
  ///
  /// - Throws: ``ExampleError`` when no draw of `maximumDraws` gives a valid example.
  public func variant(_ number: Int) throws -> AnswerKey {
    var generator = SplitMix64(seed: UInt64(bitPattern: Int64(number)))
    let lines = KeyText(text).lines
    let varied = example.leaves.filter { [.input, .param, .const].contains($0.kind) }
    for _ in 0..<Self.maximumDraws {
      var code = lines.map { String($0.code) }
      for leaf in varied {
        let hundredths = leaf.value * 100
        // Beyond what a hand calculation uses, and beyond a whole number of hundredths: kept.
        guard abs(hundredths) < 1e12 else { continue }
        let spread = abs(hundredths) / 2
        let low = Int((hundredths - spread).rounded(.up))
        let high = Int((hundredths + spread).rounded(.down))
        // A given smaller than a hundredth has no other value on the grid: the nearest one is drawn.
        let value = Double(low <= high ? generator.next(in: low...high) : Int(hundredths.rounded())) / 100
        let index = leaf.location.line - 1
        guard let equals = code[index].firstIndex(of: "=") else { continue }
        code[index] = code[index][...equals] + " " + Readable.shortest(value)
      }
      // Line for line the key's, so that a line number means the same in both; its `doc` lines
      // blank, since the key's numbers are not this variant's.
      var text = ""
      for (line, code) in zip(lines, code) {
        if line.kind == .document, let expression = KeyText.documentExpression(line.code) {
          text += "doc" + expression + "=\n"
        } else {
          text += code + "\n"
        }
      }
      if let key = try? AnswerKey(text: text, file: example.file, variant: number) { return key }
    }
    throw ExampleError(
      file: example.file, location: example.lossLocation,
      message: "no variant \(number): \(Self.maximumDraws) draws of the givens all made a step undefined")
  }
}
