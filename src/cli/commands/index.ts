/**
 * Every command: its names, its help block and its module, in the order --help lists them. The
 * help lives here so that `--help` loads no command; a command's module (and what it needs: the
 * compiler, the preview server, a browser driver…) loads only when that command runs, since most
 * of a short command's time is loading code and running it for the first time
 * (docs/development.md, "Performance").
 */
import type { Command } from "../command.js";

export const COMMANDS: readonly Command[] = [
  {
    names: ["build"],
    usage: `  coursepack build [dir]      Build the course in dir into packages (default: this
                              folder if it has a course.yml, else content/).
      -o, --out <dir>           Output folder (default: dist)
      -f, --format <list>       Formats, comma-separated: web, scorm12, scorm2004 (the
                                LMS's edition), scorm2004-3rd, scorm2004-4th, xapi, cmi5
                                (default: course.yml's formats)
      -l, --language <list>     Languages, comma-separated (default: course.yml's languages)
      --no-folders              Write only the zips, not the unzipped folders
      --lms <name>              Build for this LMS (\`coursepack lms\` lists them; default:
                                course.yml's lms, else generic): its formats, SCORM 2004
                                edition, reporting and limits
      --json                    Print the result (packages, sizes, problems) as JSON`,
    load: () => import("./build.js"),
  },
  {
    names: ["new"],
    usage: `  coursepack new <dir>        Create a starter course in a new folder.
      --title <text>            Course title (default: from the folder name)`,
    load: () => import("./new.js"),
  },
  {
    names: ["preview", "dev"],
    usage: `  coursepack preview [dir|package.zip]   (alias: coursepack dev)
                              Run the course (default: this folder if it has a
                              course.yml, else content/) or any SCORM, xAPI or
                              cmi5 package in a local LMS with a debug panel; rebuilds
                              and reloads the course when you edit it.
      -f, --format <format>     Standard to preview a course in: scorm12, scorm2004,
                                scorm2004-3rd, scorm2004-4th, xapi, cmi5, web (default:
                                the first LMS format in course.yml; a package's is detected)
      -p, --port <n>            Port on 127.0.0.1 (default: any free port)`,
    load: () => import("./preview.js"),
  },
  {
    names: ["handout"],
    usage: `  coursepack handout [dir]    Print the whole course to a PDF handout with the installed Chromium.
      -o, --out <file.pdf>      Where to write it (default: <course id>.pdf)
      --answers                 Include the answers and explanations of every question`,
    load: () => import("./handout.js"),
  },
  {
    names: ["import-gift"],
    usage: `  coursepack import-gift <file>
                              Convert a Moodle GIFT question bank into a quiz file.
      -o, --out <file>          Quiz file to write (default: quizzes/<name>.yml)
      --title <text>            Quiz title (default: from the file name)
      -f, --force               Overwrite the quiz file if it exists`,
    load: () => import("./import-gift.js"),
  },
  {
    names: ["translate"],
    usage: `  coursepack translate export [dir] --to <langs>
                              Write the course's texts as XLIFF for translators
      -t, --to <list>           Target languages, comma-separated, e.g. de,fr
      --format <f>              xliff2 (default) or xliff12
      -o, --out <path>          File (one language) or folder (default: <course id>-<lang>.xlf)
      --changed                 Only texts that are new or changed since translated
  coursepack translate import <file.xlf>... [--course <dir>]
                              Put translated XLIFF into the course's i18n/<lang>/ files
  coursepack translate status [dir] [-v]
                              Show how much of each language is translated, stale, missing`,
    load: () => import("./translate.js"),
  },
  {
    names: ["validate"],
    usage: `  coursepack validate <package>...
                              Check SCORM 1.2/2004, cmi5 and xAPI packages (a .zip, its
                              unzipped folder, or a lone manifest XML) for LMS problems;
                              Coursepack's own web packages as websites.
      --json                    Print the findings as JSON (for CI)
      --expect <format>         Also require this format: web, scorm12, scorm2004,
                                scorm2004-3rd, scorm2004-4th, xapi, cmi5
      --lms <name>              Also check every limit of this LMS (\`coursepack lms\`),
                                each with the profile's source`,
    load: () => import("./validate.js"),
  },
  {
    names: ["diff"],
    usage: `  coursepack diff <old> <new>
                              What changed between two builds of a course (zips, package
                              folders or course folders) and whether the new one can replace
                              the old in each LMS without losing learners' progress.
      --lms <id>                The LMS to judge for the exit code (default: generic);
                                exits with 2 when the update must be uploaded as a new version
      -f, --format <format>     Format to build course folders in (default: the other side's,
                                or the first LMS format in course.yml)
      --language <code>         Language to build course folders in (default: the other side's,
                                or the course's own)
      --json                    Print the report as JSON (for CI)`,
    load: () => import("./diff.js"),
  },
  {
    names: ["test"],
    usage: `  coursepack test [dir|package.zip]...
                              Robot learners take the course (or run any package) in a
                              headless browser against a strict simulation of your LMS:
                              pass, fail, resume, background tab, LMS window closed first,
                              a failing commit; reports what the LMS recorded (docs/testing.md).
      --lms <name>              The LMS to simulate (default: course.yml's lms, else generic)
      -f, --format <list>       Formats to build and test (default: the course's that the LMS takes)
      --browser <engine>        chromium (default), firefox or webkit — installed ones only
      --junit <file>            Also write JUnit XML for CI
      --report <dir>            HTML report folder (default: test-report)
      --no-report               Write no HTML report
      --only <list>             Only these scenarios: pass, fail, resume, background,
                                lms-closed-first, commit-fails, launch
      --every-language          Every scenario in every language (default: the course's
                                other languages get the pass, in the first launch mode)
      --concurrency <n>         Scenarios at a time (default: one more than the cores, at most 4)`,
    load: () => import("./test.js"),
  },
  {
    names: ["lms"],
    usage: `  coursepack lms [name]       List the LMS profiles, or print one in full: formats, reporting,
                              launch, limits, quirks, admin settings and sources.
      --json                    Print as JSON
      --markdown                Print every profile in Markdown (docs/lms-profiles.md)`,
    load: () => import("./lms.js"),
  },
  {
    names: ["report"],
    usage: `  coursepack report [dir] --lrs <endpoint> | --input <file>...
                              Learner analytics from an LRS or LMS exports: completion
                              funnel, lesson times, scores and item analysis (docs/report.md).
      --lrs <endpoint>          Read statements from this LRS (xAPI Statement API); credentials
                                from COURSEPACK_LRS_USERNAME/PASSWORD or COURSEPACK_LRS_TOKEN
      --activity <IRI>          Course activity IRI to read (default: the course's activityId
                                and each translation's); repeatable
      --since <date>            Only statements stored since this ISO 8601 date
      --input, -i <file>        Read an export instead: xAPI statements (JSON/NDJSON), Moodle's
                                SCORM interactions report (text/CSV), SCORM Cloud registrations
      --out, -o <file>          Write the HTML report here (default report.html)
      --json                    Print the figures as JSON (writes HTML only with --out)`,
    load: () => import("./report.js"),
  },
];
