import Foundation

/// Files are written whole or not at all: to a temporary file beside the target,
/// then renamed over it.
enum FileOutput {
  static func write(_ text: String, to path: String) throws {
    let target = URL(fileURLWithPath: path)
    let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      throw Failure.cannotWrite("\(path): cannot be written")
    }
    if rename(temporary.path, target.path) != 0 {
      try? FileManager.default.removeItem(at: temporary)
      throw Failure.cannotWrite("\(path): cannot be written")
    }
  }
}
