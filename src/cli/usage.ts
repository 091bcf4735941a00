/** Command-line usage and its errors. */
export class UsageError extends Error {}

export const USAGE = `Coursepack: build e-learning packages from Markdown lessons and YAML quizzes.

Usage:
  coursepack build [dir]      Build the course in dir (default: content) into packages.
      -o, --out <dir>           Output folder (default: dist)
      -f, --format <list>       Formats, comma-separated: web, scorm12, scorm2004,
                                scorm2004-3rd, xapi, cmi5 (default: course.yml's formats)
      --no-folders              Write only the zips, not the unzipped folders
  coursepack new <dir>        Create a starter course in a new folder.
  coursepack preview [dir|package.zip]
                              Run the course (default: content) or any SCORM, xAPI or
                              cmi5 package in a local LMS with a debug panel; rebuilds
                              and reloads the course when you edit it.
      -f, --format <format>     Standard to preview a course in: scorm12, scorm2004,
                                scorm2004-3rd, xapi, cmi5, web (default: the first
                                LMS format in course.yml; a package's is detected)
      -p, --port <n>            Port on 127.0.0.1 (default: any free port)
  coursepack import-gift <file>
                              Convert a Moodle GIFT question bank into a quiz file.
      -o, --out <file>          Quiz file to write (default: quizzes/<name>.yml)
      --title <text>            Quiz title (default: from the file name)
      -f, --force               Overwrite the quiz file if it exists
  coursepack validate <package>...
                              Check SCORM 1.2/2004, cmi5 and xAPI packages (a .zip, its
                              unzipped folder, or a lone manifest XML) for LMS problems.
      --json                    Print the findings as JSON (for CI)
      --expect <format>         Also require this format: web, scorm12, scorm2004,
                                scorm2004-3rd, xapi, cmi5
  coursepack --help           Show this help.
  coursepack --version        Show the version.

Exit codes: 0 success, 1 errors (each printed as file:line:col: error: message;
validate prints file:line: error [checklist #N] message — fix).
`;
