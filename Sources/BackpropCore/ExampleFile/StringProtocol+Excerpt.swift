extension StringProtocol {
  /// The text as a one-line message quotes it: at most `limit` characters, cut with `…`.
  ///
  /// Every message that quotes what a user wrote (a name, a number, a document value)
  /// quotes it through here, so that a 300 KB name gives a line of modest length.
  public func excerpt(_ limit: Int = 60) -> String {
    var end = startIndex
    var count = 0
    while end < endIndex, count < limit {
      formIndex(after: &end)
      count += 1
    }
    return end == endIndex ? String(self) : String(self[..<end]) + "…"
  }
}
