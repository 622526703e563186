package io.borderline.briefing;

import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/** The text of a slide as a reader sees it: every text shape's text, one per line, in drawing order. */
public final class SlideText {
    private SlideText() {}

    public static String of(XSLFSlide slide) {
        StringBuilder sb = new StringBuilder();
        for (XSLFShape s : slide.getShapes()) {
            if (s instanceof XSLFTextShape t) {
                sb.append(t.getText()).append('\n');
            }
        }
        return sb.toString();
    }
}
