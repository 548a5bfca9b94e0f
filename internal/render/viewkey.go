package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"reflect"
	"sync"
)

// viewKey hashes everything a page's rendering depends on besides the
// templates: every field of its view, reached by reflection so that none can
// be forgotten, and the content address of each Markdown fragment.
func viewKey(v *view, frags *fragments) [32]byte {
	e := encoders.Get().(*encoder)
	e.buf = e.buf[:0]
	e.value(reflect.ValueOf(v))
	for _, k := range frags.keys {
		e.buf = append(e.buf, k[:]...)
	}
	key := sha256.Sum256(e.buf)
	if cap(e.buf) <= 1<<20 {
		encoders.Put(e)
	}
	return key
}

// encoder writes an unambiguous encoding of a value into buf, which is
// hashed in one go: hashing the fields one small write at a time cost more
// than walking them.
type encoder struct{ buf []byte }

var encoders = sync.Pool{New: func() any { return &encoder{buf: make([]byte, 0, 16<<10)} }}

func (e *encoder) put(tag byte, n uint64) {
	e.buf = append(e.buf, tag)
	e.buf = binary.LittleEndian.AppendUint64(e.buf, n)
}

// value encodes v: every scalar with its kind, every string and list with
// its length. It panics on kinds a view must not hold (maps, whose order
// varies, funcs, channels), so that adding one is caught by the first test
// that renders a page.
func (e *encoder) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			e.put('n', 0)
			return
		}
		e.put('p', 0)
		e.value(v.Elem())
	case reflect.Struct:
		n := v.NumField()
		e.put('s', uint64(n))
		for i := 0; i < n; i++ {
			e.value(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		n := v.Len()
		e.put('l', uint64(n))
		if v.Type().Elem().Kind() == reflect.Uint8 && v.Kind() == reflect.Slice {
			e.buf = append(e.buf, v.Bytes()...)
			return
		}
		for i := 0; i < n; i++ {
			e.value(v.Index(i))
		}
	case reflect.String:
		s := v.String()
		e.put('"', uint64(len(s)))
		e.buf = append(e.buf, s...)
	case reflect.Bool:
		b := uint64(0)
		if v.Bool() {
			b = 1
		}
		e.put('b', b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.put('i', uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.put('u', v.Uint())
	default:
		panic(fmt.Sprintf("render: a page view holds a %s, which its key cannot cover", v.Type()))
	}
}
