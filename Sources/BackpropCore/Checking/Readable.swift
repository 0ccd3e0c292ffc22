import Foundation

/// Numbers as a person reads them: no floating-point noise, the same way everywhere.
///
/// Values are shown to six significant digits (more when the document printed
/// more decimals), trailing zeros dropped, in plain decimal notation between
/// 1e-9 and 1e15 and in scientific notation outside it: `0.3` not
/// `0.30000000000000004`, `107.763`, `0.00000822`, `3.5102e-05`.
public enum Readable {
  /// The default number of significant digits.
  public static let significantDigits = 6

  /// `value` to `significantDigits`, or to at least `decimals` places after the point.
  public static func format(_ value: Double, significantDigits: Int = significantDigits, decimals: Int = 0) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 { return decimals > 0 ? "0." + String(repeating: "0", count: min(decimals, 17)) : "0" }
    let magnitude = abs(value)
    if magnitude < 1e-9 || magnitude >= 1e15 {
      return scientific(value, significantDigits: significantDigits)
    }
    let leading = Int(floor(log10(magnitude)))
    let places = min(17, max(decimals, significantDigits - 1 - leading, 0))
    var text = String(format: "%.\(places)f", value)
    // Rounding may carry into a new digit (9.999995 -> 10.00000): fine, zeros go below.
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    // Keep as many decimals as asked for: a document's "0.10" is compared with "0.10".
    if decimals > 0 {
      let current = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
      if current < decimals {
        text += (current == 0 ? "." : "") + String(repeating: "0", count: decimals - current)
      }
    }
    return text
  }

  /// `value` with at least six significant digits and as many more as it takes to
  /// tell it apart from `other` (an update of 0.15 by 7e-8 shows as 0.14999993).
  public static func format(_ value: Double, distinctFrom other: Double, decimals: Int = 0) -> String {
    var digits = significantDigits
    while digits < 15, value != other,
      format(value, significantDigits: digits, decimals: decimals) == format(other, significantDigits: digits, decimals: decimals)
    {
      digits += 1
    }
    return format(value, significantDigits: digits, decimals: decimals)
  }

  /// `1.5e-07`, `2.5e+20` with trailing zeros of the mantissa dropped.
  static func scientific(_ value: Double, significantDigits: Int) -> String {
    let text = String(format: "%.\(max(0, significantDigits - 1))e", value)
    guard let e = text.firstIndex(of: "e") else { return text }
    var mantissa = String(text[..<e])
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    return mantissa + text[e...]
  }

  /// A change with its sign, to six significant digits: `+0.231`, `-7.12`.
  public static func signed(_ value: Double) -> String {
    let text = format(value)
    return value > 0 ? "+" + text : text
  }

  /// A difference, to three significant digits, with its sign: `+0.117`, `-0.00021`.
  public static func difference(_ value: Double) -> String {
    let text = format(value, significantDigits: 3)
    return value > 0 ? "+" + text : text
  }

  /// The shortest decimal text that reads back as exactly `value` (for files and JSON).
  public static func shortest(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return format(value) }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
