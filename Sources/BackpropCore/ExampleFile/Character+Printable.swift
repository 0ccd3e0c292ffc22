import BackpropEngine

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }

  var isSubscriptDigit: Bool { unicodeScalars.allSatisfy { (0x2080...0x2089).contains($0.value) } }

  /// The character, or its code point when it would not show (a control character).
  var printable: String {
    let scalar = unicodeScalars.first!
    let invisible: [Unicode.GeneralCategory] = [
      .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .unassigned, .privateUse,
    ]
    if invisible.contains(scalar.properties.generalCategory) || scalar.value == 0xFFFD || unicodeScalars.count > 1 && !isLetter {
      return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
    }
    return String(self)
  }
}

extension String {
  /// The text with zeros before it up to `width` characters (for code points: `00B5`).
  public func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
