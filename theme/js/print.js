// The print button of articles, documents and procedures. Without this
// file the page still says how to print or save it with the browser.
const button = document.getElementById("print-page");
if (button) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
