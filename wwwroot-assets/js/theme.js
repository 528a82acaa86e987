// Remembers the light/dark choice per browser; the server reads the cookie on the next page load.
window.gitopsConsole = window.gitopsConsole || {};
window.gitopsConsole.rememberTheme = function (theme) {
  document.cookie = "gitops-theme=" + encodeURIComponent(theme) + "; path=/; max-age=31536000; samesite=lax";
};
window.gitopsConsole.markInteractive = function () {
  document.body.dataset.interactive = "true";
};
