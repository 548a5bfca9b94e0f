// Package ogimage draws the site's Open Graph image (see
// internal/cmd/genogimage), deterministically: fixed fonts, fixed layout,
// and PNG encoding with no time or metadata in it.
package ogimage

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Size of the image, as Open Graph consumers want it.
const (
	Width  = 1200
	Height = 630
)

var (
	bg     = color.RGBA{0x0f, 0x14, 0x19, 0xff}
	fg     = color.RGBA{0xe6, 0xe9, 0xee, 0xff}
	soft   = color.RGBA{0xa9, 0xb3, 0xbf, 0xff}
	accent = color.RGBA{0x58, 0xa6, 0xff, 0xff}
	// The class colours of the dark scheme, 1xx to 5xx.
	classes = []color.RGBA{
		{0xb8, 0xc2, 0xcc, 0xff}, {0x56, 0xd3, 0x7a, 0xff}, {0x79, 0xb8, 0xff, 0xff},
		{0xf0, 0xa3, 0x5b, 0xff}, {0xff, 0x8a, 0x80, 0xff},
	}
)

// PNG returns the image, PNG-encoded.
func PNG() ([]byte, error) {
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	// A band of the five class colours along the top.
	for i, c := range classes {
		r := image.Rect(i*Width/5, 0, (i+1)*Width/5, 14)
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	mono, err := face(gomonobold.TTF, 64)
	if err != nil {
		return nil, err
	}
	bold, err := face(gobold.TTF, 84)
	if err != nil {
		return nil, err
	}
	regular, err := face(goregular.TTF, 38)
	if err != nil {
		return nil, err
	}
	codes, err := face(gomonobold.TTF, 54)
	if err != nil {
		return nil, err
	}
	text(img, mono, accent, 80, 150, "{}")
	text(img, bold, fg, 80, 300, "HTTP Status Codes")
	text(img, regular, soft, 80, 370, "What each code means, when servers send it,")
	text(img, regular, soft, 80, 420, "and how to handle it: with examples.")
	for i, code := range []string{"101", "200", "301", "404", "503"} {
		text(img, codes, classes[i], 80+i*210, 540, code)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func face(ttf []byte, size float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
}

func text(img draw.Image, f font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}
