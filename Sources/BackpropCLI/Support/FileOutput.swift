import BackpropCore
import BackpropPresentation
import Foundation
import Glibc

/// Files are written whole or not at all, and never over something the user would
/// miss: to a temporary file with a random name beside the target (created with
/// `O_CREAT | O_EXCL | O_NOFOLLOW`, so nothing planted there is followed), synced,
/// then renamed over the target.
///
/// Refused with exit 73, before any work: a name ending in '/', a folder that does not
/// exist, and a target that is a folder, a symbolic link, a device, a FIFO or a socket.
/// An existing file is replaced only when the tool wrote it (``WriterMark``) or is
/// empty; a worksheet, a read-only file and anything else need `--force`, as `mv -f` does.
enum FileOutput {
  /// What is written, which says which existing files may be replaced without `--force`.
  enum Kind {
    /// An SVG picture: replaces an SVG that starts with ``WriterMark/svg``.
    case svg
    /// A Graphviz graph: replaces a graph that starts with ``WriterMark/dot``.
    case dot
    /// A self-contained HTML page: replaces a page that starts with ``WriterMark/html``.
    case html
    /// A Markdown handout: replaces a handout that starts with ``WriterMark/markdown``.
    case markdown
    /// A LaTeX handout: replaces a handout that starts with ``WriterMark/latex``.
    case latex
    /// A worksheet: never replaces a file, since a filled-in worksheet looks like a blank one.
    case worksheet

    /// Whether a file starting with `prefix` was written by the tool as this kind.
    func isOurs(_ prefix: [UInt8]) -> Bool {
      guard let mark else { return false }
      return prefix.starts(with: Array(mark.utf8))
    }

    /// The first bytes the tool writes in a file of this kind; none for a worksheet.
    var mark: String? {
      switch self {
      case .svg: WriterMark.svg
      case .dot: WriterMark.dot
      case .html: WriterMark.html
      case .markdown: WriterMark.markdown
      case .latex: WriterMark.latex
      case .worksheet: nil
      }
    }

    /// What a file of this kind is, in an error message.
    var description: String {
      switch self {
      case .svg: "an SVG picture"
      case .dot: "a graph"
      case .html: "an HTML page"
      case .markdown: "a Markdown handout"
      case .latex: "a LaTeX handout"
      case .worksheet: "a worksheet"
      }
    }
  }

  /// Writes `text` to `path`, or throws ``Failure/cannotWrite(_:)`` leaving `path` as it was.
  static func write(_ text: String, to path: String, kind: Kind, force: Bool) throws {
    try check(path, kind: kind, force: force)
    let (temporary, descriptor) = try createTemporary(beside: path)
    var error = writeAll(Array(text.utf8), to: descriptor)
    if error == 0, fsync(descriptor) != 0 { error = errno }
    if close(descriptor) != 0, error == 0 { error = errno }
    guard error == 0 else {
      unlink(temporary)
      throw cannotWrite(path, error)
    }
    // rename() replaces the name itself: a symbolic link put at `path` since the check is replaced, not followed.
    guard rename(temporary, path) == 0 else {
      let error = errno
      unlink(temporary)
      if error == EISDIR || error == ENOTEMPTY || error == EEXIST { throw Failure.cannotWrite("\(path): is a folder") }
      throw cannotWrite(path, error)
    }
  }

  /// Throws the error `write` would for `path` before it is written: called before the work, so a
  /// long training run is not thrown away at the end.
  static func check(_ path: String, kind: Kind, force: Bool) throws {
    guard !path.isEmpty else { throw Failure.cannotWrite("an empty name is not a file name") }
    guard !path.hasSuffix("/") else { throw Failure.cannotWrite("\(path): ends in '/', so it names a folder, not a file") }
    var status = stat()
    guard lstat(path, &status) == 0 else {
      let error = errno
      guard error == ENOENT else { throw cannotWrite(path, error) }
      let folder = self.folder(of: path)
      var folderStatus = stat()
      guard stat(folder, &folderStatus) == 0, folderStatus.st_mode & S_IFMT == S_IFDIR else {
        throw Failure.cannotWrite("\(path): the folder '\(folder)' does not exist")
      }
      return
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw Failure.cannotWrite("\(path): is a folder")
    case S_IFLNK: throw Failure.cannotWrite("\(path): is a symbolic link; give the path of the file itself")
    case S_IFCHR, S_IFBLK: throw Failure.cannotWrite("\(path): is a device, not a file")
    case S_IFIFO: throw Failure.cannotWrite("\(path): is a FIFO (named pipe), not a file")
    default: throw Failure.cannotWrite("\(path): is not a regular file")
    }
    if force { return }
    if kind == .worksheet { throw Failure.cannotWrite("\(path): already exists; --force replaces it") }
    // The write bits, not access(2): root may write anything, but a file made read-only is meant to stay.
    if status.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
      throw Failure.cannotWrite("\(path): is read-only; --force replaces it")
    }
    let prefix = firstBytes(of: path, count: 256)
    guard let prefix, prefix.isEmpty || kind.isOurs(prefix) else {
      throw Failure.cannotWrite("\(path): exists and is not \(kind.description) written by backprop-tutor; --force replaces it")
    }
  }

  /// The folder `path` is in, as given (`.` for a bare name).
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = path[..<slash]
    return folder.isEmpty ? "/" : String(folder)
  }

  /// A new file `.bt-XXXXXXXX.tmp` in the target's folder: 16 bytes, so any target name up to
  /// NAME_MAX has a temporary name that fits; random, so another user cannot plant it in advance.
  private static func createTemporary(beside path: String) throws -> (String, Int32) {
    let prefix = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    for _ in 0..<32 {
      let random = String(UInt32.random(in: .min ... .max), radix: 16).leftPadded(to: 8)
      let temporary = prefix + ".bt-\(random).tmp"
      let descriptor = open(temporary, O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0o644)
      if descriptor >= 0 { return (temporary, descriptor) }
      if errno != EEXIST { throw cannotWrite(path, errno) }
    }
    throw cannotWrite(path, EEXIST)
  }

  /// Writes every byte, going on after a short write or an interrupted one; 0, or the `errno` that stopped it.
  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += count
    }
    return 0
  }

  /// Up to `count` bytes from the start of the regular file at `path`, not following a link;
  /// nil when it cannot be read (and so is not known to be ours).
  private static func firstBytes(of path: String, count: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, count - filled) }
      if read < 0, errno == EINTR { continue }
      if read < 0 { return nil }
      if read == 0 { break }
      filled += read
    }
    return Array(bytes[..<filled])
  }

  /// `PATH: cannot be written (REASON)`, the reason in the system's words.
  private static func cannotWrite(_ path: String, _ error: Int32) -> Failure {
    let reason: String
    switch error {
    case EACCES, EPERM: reason = "permission denied"
    case ENAMETOOLONG: reason = "the name is too long"
    case ENOTDIR: reason = "a part of the path is not a folder"
    case ELOOP: reason = "a symbolic link loop in the path"
    default:
      let text = String(cString: strerror(error))
      reason = text.prefix(1).lowercased() + text.dropFirst()
    }
    return Failure.cannotWrite("\(path): cannot be written (\(reason))")
  }
}
