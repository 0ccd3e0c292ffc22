/// "step 40000 of 100000" on a terminal's stderr, rewritten in place; never on a pipe.
final class Progress {
  let total: Int
  let enabled: Bool

  init(total: Int, enabled: Bool) {
    self.total = total
    self.enabled = enabled
  }

  func show(_ step: Int) {
    guard enabled else { return }
    Console.errControl("\rstep \(step) of \(total)")
  }

  func clear() {
    guard enabled else { return }
    Console.errControl("\r\u{1B}[K")
  }
}
