import BackpropEngine

extension MistakeContext {
  /// Mistakes of copying a right value: the point shifted, two digits transposed, the
  /// minus sign dropped, the sign flipped.
  func copyingMistakes() -> [MistakeCandidate] {
    let right = correct
    var result = [
      MistakeCandidate(
        kind: .decimalShifted, value: right * 10,
        text: "\(shown) has the decimal point one place to the right: the value is \(show(right))"),
      MistakeCandidate(
        kind: .decimalShifted, value: right / 10,
        text: "\(shown) has the decimal point one place to the left: the value is \(show(right))"),
    ]
    if right < 0 {
      result.append(
        MistakeCandidate(kind: .minusDropped, value: -right, text: "\(shown) drops the minus sign: the value is \(show(right))"))
    } else if right > 0 {
      result.append(
        MistakeCandidate(kind: .signFlipped, value: -right, text: "\(shown) has the sign flipped: the value is \(show(right))"))
    }
    // Two adjacent digits transposed: swapping them back gives a number that agrees.
    let characters = Array(shown)
    for i in characters.indices.dropLast() where characters[i].isASCIIDigit && characters[i + 1].isASCIIDigit {
      guard characters[i] != characters[i + 1] else { continue }
      var swapped = characters
      swapped.swapAt(i, i + 1)
      if let back = PrintedNumber(String(swapped)), back.agrees(with: right) {
        result.append(
          MistakeCandidate(
            kind: .digitsTransposed, value: printed.value,
            text: "\(shown) has two digits transposed: the value is \(show(right)), \(back.text) to these digits"))
      }
    }
    return result
  }
}
