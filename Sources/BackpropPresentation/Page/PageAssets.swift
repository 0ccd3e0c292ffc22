/// The walk page's style and script, `Resources/page.css` and `Resources/page.js`,
/// compiled into the binary by SwiftPM (`.embedInCode`), so the page needs no other file.
enum PageAssets {
  /// `page.css`.
  static let style = String(decoding: PackageResources.page_css, as: UTF8.self)
  /// `page.js`.
  static let script = String(decoding: PackageResources.page_js, as: UTF8.self)
}
