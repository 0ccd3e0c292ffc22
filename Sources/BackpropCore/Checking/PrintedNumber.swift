import BackpropEngine
import Foundation

/// A number exactly as a document printed it: `0.10` and `0.1` are different claims.
///
/// Mathematical properties: a printed number with d digits after the point (after
/// applying any exponent) claims the exact value lies within half a unit of its
/// last digit, 0.5·10^(−d), of the printed value; digits past the 15th significant one
/// are not a claim a double can check, so the unit is never finer than that.
public struct PrintedNumber: Hashable, Sendable, CustomStringConvertible {
  /// The characters printed, sign included (`-0.00150`, `.00150`, `3.5102e-05`).
  public let text: String
  /// The number the text denotes: `0.10` and `0.1` both give 0.1.
  public let value: Double
  /// The place value of the last printed digit: 0.01 for `0.10`, 1e-9 for `3.5102e-05`.
  public let unit: Double
  /// The power of ten of ``unit``: −2 for `0.10`.
  public let unitExponent: Int

  /// Reads a printed number: optional sign, digits with an optional point, an
  /// optional exponent. Returns `nil` for anything else.
  public init?(_ text: String) {
    var body = Substring(text)
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    var exponent = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      guard let parsed = Int(body[body.index(after: e)...]), abs(parsed) < 400 else { return nil }
      exponent = parsed
      body = body[..<e]
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }),
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    else { return nil }
    guard let value = Double(normalised(text.hasPrefix("+") ? String(text.dropFirst()) : text)), value.isFinite
    else { return nil }
    let decimals = parts.count == 2 ? parts[1].count : 0
    self.text = text
    self.value = value
    // A double holds about 15 significant digits: digits printed past them claim nothing
    // more (0.30000000000000000 is 0.3 to 15 digits, not a claim about the 17th).
    let magnitude = value == 0 ? 0 : Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
    self.unitExponent = Swift.max(exponent - decimals, magnitude - Self.reliableDigits + 1)
    self.unit = Foundation.pow(10, Double(unitExponent))
  }

  /// The significant digits a double holds reliably; a printed number's last digit counts
  /// at most this far from its first.
  public static let reliableDigits = 15

  /// The number as printed.
  public var description: String { text }

  /// The numbers that round to this one: printed ± half a unit in its last digit.
  public var interval: Interval {
    Interval(value - unit / 2, value + unit / 2)
  }

  /// Whether `exact`, rounded to the printed digits, gives this number:
  /// |printed − exact| ≤ half a unit in the last printed digit.
  ///
  /// A relative slack of 1e-9 of the half unit absorbs the binary representation
  /// of decimal numbers, so a value exactly on the boundary counts as agreeing.
  public func agrees(with exact: Double) -> Bool {
    guard exact.isFinite else { return false }
    return Swift.abs(value - exact) <= unit / 2 * (1 + 1e-9)
  }

  /// Whether `exact`, cut (not rounded) to the printed digits, gives this number.
  public func isTruncation(of exact: Double) -> Bool {
    guard exact.isFinite, exact != 0 else { return false }
    let scaled = exact / unit
    let cut = scaled.rounded(.towardZero)
    return Swift.abs(cut * unit - value) <= unit * 1e-6
  }
}

extension PrintedNumber {
  /// The digits printed from the first nonzero one: 2 for `0.75`, 4 for `0.0821`.
  public var significantDigits: Int {
    let digits = text.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).drop { $0 == "0" }
    return Swift.max(1, digits.count)
  }
}

/// `.35` and `-.35` read as Double needs a leading zero.
private func normalised(_ text: String) -> String {
  if text.hasPrefix(".") { return "0" + text }
  if text.hasPrefix("-.") { return "-0" + text.dropFirst() }
  return text
}
