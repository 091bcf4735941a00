/**
 * Catalogue metadata in the manifest: title, description, language, keywords and, when course.yml
 * sets `minutes`, the typical learning time. SCORM 1.2 uses IMS Metadata 1.2.1; SCORM 2004 uses IEEE
 * LOM. Inline, so there is no separate metadata file that could go missing (checklist #6).
 *
 * Nothing here may change when only content changes: LMSs replace a package in place only when its
 * manifest is identical (docs/updating-courses.md). So the course version is not here (it is in
 * coursepack-build.json), nor a learning time estimated from the lessons' word counts.
 */
import type { CourseModel } from "../../model/index.js";
import { xml, type XmlFragment } from "../xml.js";

export interface CourseMetadata {
  title: string;
  description: string;
  language: string;
  keywords: string[];
  /** ISO 8601 duration of the typical learning time, e.g. PT1H30M, when the author set one. */
  duration: string | undefined;
}

export function courseMetadata(model: CourseModel): CourseMetadata {
  return {
    title: model.config.title,
    description: model.config.description,
    language: model.config.language,
    keywords: model.config.keywords,
    duration: model.config.minutes === undefined ? undefined : isoMinutes(model.config.minutes),
  };
}

function isoMinutes(value: number): string {
  const minutes = Math.max(1, Math.round(value));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ""}${rest ? `${rest}M` : ""}`;
}

/** IMS Metadata 1.2.1 (namespace prefix `imsmd`), for SCORM 1.2. */
export function imsmdLom(m: CourseMetadata): XmlFragment {
  const lang = (text: string, language = m.language) =>
    xml`<imsmd:langstring xml:lang="${language}">${text}</imsmd:langstring>`;
  return xml`
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title>${lang(m.title)}</imsmd:title>
        <imsmd:language>${m.language}</imsmd:language>
        <imsmd:description>${lang(m.description)}</imsmd:description>${m.keywords.map(
          (k) => xml`
        <imsmd:keyword>${lang(k)}</imsmd:keyword>`,
        )}
      </imsmd:general>
      <imsmd:metametadata>
        <imsmd:metadatascheme>ADL SCORM 1.2</imsmd:metadatascheme>
      </imsmd:metametadata>
      <imsmd:technical>
        <imsmd:format>text/html</imsmd:format>
      </imsmd:technical>${
        m.duration &&
        xml`
      <imsmd:educational>
        <imsmd:typicallearningtime>
          <imsmd:datetime>${m.duration}</imsmd:datetime>
        </imsmd:typicallearningtime>
      </imsmd:educational>`
      }
    </imsmd:lom>`;
}

/** IEEE LOM (namespace prefix `lom`), for SCORM 2004. */
export function ieeeLom(m: CourseMetadata): XmlFragment {
  const lang = (text: string, language = m.language) => xml`<lom:string language="${language}">${text}</lom:string>`;
  return xml`
    <lom:lom>
      <lom:general>
        <lom:title>${lang(m.title)}</lom:title>
        <lom:language>${m.language}</lom:language>
        <lom:description>${lang(m.description)}</lom:description>${m.keywords.map(
          (k) => xml`
        <lom:keyword>${lang(k)}</lom:keyword>`,
        )}
      </lom:general>
      <lom:metaMetadata>
        <lom:metadataSchema>LOMv1.0</lom:metadataSchema>
        <lom:metadataSchema>SCORM_CAM_v1.3</lom:metadataSchema>
      </lom:metaMetadata>
      <lom:technical>
        <lom:format>text/html</lom:format>
      </lom:technical>${
        m.duration &&
        xml`
      <lom:educational>
        <lom:typicalLearningTime>
          <lom:duration>${m.duration}</lom:duration>
        </lom:typicalLearningTime>
      </lom:educational>`
      }
    </lom:lom>`;
}
