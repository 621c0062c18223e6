// A refused form: move focus to the list of problems, so that screen readers read it first and keyboard users
// start from there (each problem links to its field). Without JavaScript the list is simply at the top.
document.getElementById('foutmeldingen')?.focus();
