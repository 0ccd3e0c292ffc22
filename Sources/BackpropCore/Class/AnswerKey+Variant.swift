import Foundation

extension AnswerKey {
  /// How many draws a variant may take before the key is declared unable to vary.
  static let maximumDraws = 1000

  /// The key with other givens, drawn for student `number`: the same network, each
  /// input, parameter and constant drawn on the grid of hundredths within ±50% of the
  /// key's value (0.40 becomes one of 0.20, 0.21, ..., 0.60). A value too small for that
  /// grid to hold a point within ±50% of it is drawn on the grid of its own 2 significant
  /// digits (0.004 becomes one of 0.0020, 0.0021, ..., 0.0060), so that no given becomes 0
  /// unless the key's is. Targets and the learning rate stay as the key has them: they are
  /// the task, not the numbers to work with.
  ///
  /// The draws come from ``SplitMix64`` seeded with `number`, so the same number gives
  /// the same variant on every machine. A draw that makes any step undefined or not
  /// finite is drawn again.
  ///
  /// - Throws: ``ExampleError`` when no draw of `maximumDraws` gives a valid example,
  ///   located at the step most draws made undefined (the first of them on a tie), or at
  ///   the key's first line when no step was named.
  public func variant(_ number: Int) throws -> AnswerKey {
    var generator = SplitMix64(seed: UInt64(bitPattern: Int64(number)))
    let lines = KeyText(text).lines
    let varied = example.leaves.filter { [.input, .param, .const].contains($0.kind) }
    var undefined: [SourceLocation: (count: Int, message: String)] = [:]
    for _ in 0..<Self.maximumDraws {
      var code = lines.map { String($0.code) }
      for leaf in varied {
        // Beyond what a hand calculation uses, and beyond a whole number of hundredths: kept.
        guard abs(leaf.value * 100) < 1e12, let drawn = Self.draw(near: leaf.value, with: &generator) else { continue }
        let index = leaf.location.line - 1
        guard let equals = code[index].firstIndex(of: "=") else { continue }
        code[index] = code[index][...equals] + " " + drawn.text
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
      do {
        return try AnswerKey(text: text, file: example.file, variant: number)
      } catch let error as ExampleError {
        undefined[error.location, default: (0, error.message)].count += 1
      } catch {
        continue
      }
    }
    let most = undefined.max { ($0.value.count, $1.key.line, $1.key.column) < ($1.value.count, $0.key.line, $0.key.column) }
    let because = most.map { ", most often \($0.value.message)" } ?? ""
    throw ExampleError(
      file: example.file, location: most?.key ?? SourceLocation(line: 1, column: 1),
      message: "no variant \(number): \(Self.maximumDraws) draws of the givens all made a step undefined\(because)")
  }

  /// A value drawn within ±50% of `value`: on the grid of hundredths, or when that grid has
  /// no point there, on the grid of `value`'s 2 significant digits (a unit of 10^(e − 1)
  /// for 10^e ≤ |value| < 10^(e + 1)), written without an exponent (0.00009, not 9e-05).
  /// `nil` for 0, which stays.
  static func draw(near value: Double, with generator: inout SplitMix64) -> (value: Double, text: String)? {
    guard value != 0 else { return nil }
    var exponent = -2
    var (low, high) = range(value, exponent: exponent)
    if low > high {
      exponent = Int(log10(abs(value)).rounded(.down)) - 1
      (low, high) = range(value, exponent: exponent)
    }
    guard low <= high else { return nil }
    let steps = Double(generator.next(in: low...high))
    // A division by an exact power of ten: the nearest double to the decimal (0.0037, not 0.0037000000000000002).
    let drawn = exponent < 0 ? steps / pow(10, Double(-exponent)) : steps * pow(10, Double(exponent))
    let text = Readable.shortest(drawn)
    guard text.contains("e") else { return (drawn, text) }
    var decimal = String(format: "%.\(max(0, -exponent))f", drawn)
    while decimal.contains("."), decimal.hasSuffix("0") { decimal.removeLast() }
    return (drawn, decimal)
  }

  /// The whole numbers of units 10^exponent within ±50% of `value`.
  private static func range(_ value: Double, exponent: Int) -> (low: Int, high: Int) {
    let units = exponent < 0 ? value * pow(10, Double(-exponent)) : value / pow(10, Double(exponent))
    let spread = abs(units) / 2
    return (Int((units - spread).rounded(.up)), Int((units + spread).rounded(.down)))
  }
}
