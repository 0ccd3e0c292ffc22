import BackpropPresentation

extension Output {
  /// Writes the buffer to stdout at once (exit 74 if stdout cannot be written).
  func write() {
    Console.out(text)
  }
}
