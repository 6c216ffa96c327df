"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// The Barcode Detection API, which TypeScript's DOM types do not describe yet.
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorInstance = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?: () => Promise<string[]>;
};

// How often the preview is looked at: fast enough to feel immediate, light on a tablet's battery.
const SCAN_MS = 250;
// The same code seen again within this time is the same person still holding up their phone.
const REPEAT_MS = 4_000;

type Support = "checking" | "ready" | "no-detector" | "no-camera";

// Short, so that they sit beside the search box and keep the list high on a tablet's screen.
const UNAVAILABLE: Record<Exclude<Support, "checking" | "ready">, string> = {
  "no-detector": "No camera scanning in this browser: type the code.",
  "no-camera": "No camera here: type the code.",
};

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/**
 * Reads the QR code on a confirmation email with the tablet's rear camera, where the browser has the
 * BarcodeDetector, and hands each code to `onCode`: the same answer as a code typed into the search box.
 * Where it has none, or there is no camera, it says so and the search box remains the way in.
 */
export function CheckInScanner({ onCode }: { onCode: (code: string) => unknown }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const lastRef = useRef<{ code: string; at: number } | null>(null);
  const onCodeRef = useRef(onCode);
  const [support, setSupport] = useState<Support>("checking");
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let cancelled = false;
    const Detector = detectorClass();
    const settle = (value: Support) => !cancelled && setSupport(value);
    if (!Detector) settle("no-detector");
    else if (!navigator.mediaDevices?.getUserMedia) settle("no-camera");
    else if (!Detector.getSupportedFormats) settle("ready");
    else {
      Detector.getSupportedFormats().then(
        (formats) => settle(formats.includes("qr_code") ? "ready" : "no-detector"),
        () => settle("no-detector"),
      );
    }
    return () => {
      cancelled = true;
    };
  }, []);

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setRunning(false);
  }, []);

  useEffect(() => stop, [stop]);

  // While the camera runs, look for a code a few times a second.
  useEffect(() => {
    const Detector = detectorClass();
    if (!running || !Detector) return;
    const detector = new Detector({ formats: ["qr_code"] });
    let looking = false;
    const timer = setInterval(async () => {
      const video = videoRef.current;
      if (looking || !video || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      looking = true;
      try {
        const code = (await detector.detect(video)).map((b) => b.rawValue.trim()).find(Boolean);
        const now = Date.now();
        if (code && !(lastRef.current?.code === code && now - lastRef.current.at < REPEAT_MS)) {
          lastRef.current = { code, at: now };
          onCodeRef.current(code);
        }
      } catch {
        // A frame the detector could not read: the next one will do.
      } finally {
        looking = false;
      }
    }, SCAN_MS);
    return () => clearInterval(timer);
  }, [running]);

  const start = async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play();
      }
      setRunning(true);
    } catch (error) {
      stop();
      const name = error instanceof DOMException ? error.name : "";
      setProblem(
        name === "NotAllowedError"
          ? "The camera was not allowed. Allow it in the browser's site settings, or type the code."
          : name === "NotFoundError" || name === "OverconstrainedError"
            ? UNAVAILABLE["no-camera"]
            : "The camera could not be started. Type the code, or try again.",
      );
    }
  };

  if (support === "checking") return null;
  if (support !== "ready") return <p className="text-sm text-slate-700">{UNAVAILABLE[support]}</p>;

  // Beside the search box; the preview opens below it, across the row.
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <Button type="button" variant={running ? "secondary" : "primary"} size="lg" onClick={running ? stop : () => void start()}>
        {running ? "Stop camera" : "Start camera"}
      </Button>
      {running && <p className="text-sm text-slate-700">Hold the QR code up to the camera.</p>}
      {problem && (
        <p role="alert" className="basis-full text-sm font-medium text-red-800">
          {problem}
        </p>
      )}
      <video ref={videoRef} muted playsInline aria-label="Camera preview" hidden={!running} className="max-h-60 w-full max-w-sm basis-full rounded-md border border-slate-300 bg-black" />
    </div>
  );
}
