/// An error found before the file name is known; the parser adds it.
struct LocatedError: Error {
  var location: SourceLocation
  var message: String

  init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }
}
