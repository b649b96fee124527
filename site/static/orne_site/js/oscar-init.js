// Oscar's shop pages: its UI set-up once the page is read (a file, not an inline script, so
// the Content-Security-Policy needs no exception for it).
$(function () {
  oscar.init();
});
