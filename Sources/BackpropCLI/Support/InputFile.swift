import Foundation
import Glibc

/// Reading a file a user named, bounded by the bytes actually read: what `stat` says
/// about a file's size is not believed (`/proc/self/pagemap` says 0 or terabytes,
/// `/dev/zero` never ends).
///
/// Symbolic links are followed. A FIFO or a device is read like a file, up to the bound;
/// a FIFO is opened without waiting for a writer, and one with no writer, or nothing written, is refused (66).
enum InputFile {
  /// What was read.
  enum Contents: Equatable {
    /// The whole file, at most the limit.
    case bytes(Data)
    /// More than the limit: reading stopped there.
    case tooLarge
  }

  /// Reads `path`: nil when nothing is there (not even a broken link), so the name may be
  /// something else; ``Failure/noInput(_:)`` when something is there that cannot be read.
  static func read(_ path: String, limit: Int) throws -> Contents? {
    var status = stat()
    if stat(path, &status) != 0 {
      let error = errno
      var link = stat()
      switch error {
      case ELOOP: throw Failure.noInput("\(path): is a symbolic link loop")
      case ENOENT where lstat(path, &link) == 0:
        throw Failure.noInput("\(path): is a symbolic link to a file that does not exist")
      case ENOENT, ENOTDIR, ENAMETOOLONG: return nil
      default: throw cannotRead(path, error)
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: throw Failure.noInput("\(path): is a directory, not an example file")
    case S_IFSOCK: throw Failure.noInput("\(path): is a socket, not an example file")
    default: break
    }
    // O_NONBLOCK so that opening a FIFO does not wait for a writer, and the first read shows
    // whether it has one (0: none; EAGAIN: one that has not written yet).
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let error = errno
      if error == ELOOP { throw Failure.noInput("\(path): is a symbolic link loop") }
      throw cannotRead(path, error)
    }
    defer { close(descriptor) }
    let isFIFO = status.st_mode & S_IFMT == S_IFIFO
    let contents = try read(descriptor, limit: limit, path: path, waitingForAWriter: isFIFO)
    // A FIFO ends at once when nothing has it open for writing: say that, not "no loss".
    if isFIFO, contents == .bytes(Data()) {
      throw Failure.noInput("\(path): is a named pipe with nothing written to it")
    }
    return contents
  }

  /// Reads in fixed chunks until the end or until more than `limit` bytes have come.
  ///
  /// With `waitingForAWriter`, an end before any byte is believed only after 0.2 s: a writer
  /// that was waiting in `open` for a reader takes a moment to count as one.
  private static func read(_ descriptor: Int32, limit: Int, path: String, waitingForAWriter: Bool) throws -> Contents {
    var patience = waitingForAWriter ? 10 : 0
    let chunk = 1 << 16
    var buffer = [UInt8](repeating: 0, count: chunk)
    var data = Data()
    while data.count <= limit {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, chunk) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN {
          // A pipe with a writer but no bytes yet: from now on, wait for them.
          _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
          continue
        }
        throw cannotRead(path, errno)
      }
      if count == 0, data.isEmpty, patience > 0 {
        patience -= 1
        usleep(20_000)
        continue
      }
      if count == 0 { return .bytes(data) }
      data.append(contentsOf: buffer[..<count])
    }
    return .tooLarge
  }

  /// `PATH: cannot be read (REASON)`.
  private static func cannotRead(_ path: String, _ error: Int32) -> Failure {
    let reason: String
    switch error {
    case EACCES, EPERM: reason = "permission denied"
    case EISDIR: return Failure.noInput("\(path): is a directory, not an example file")
    default:
      let text = String(cString: strerror(error))
      reason = text.prefix(1).lowercased() + text.dropFirst()
    }
    return Failure.noInput("\(path): cannot be read (\(reason))")
  }
}
