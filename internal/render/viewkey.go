package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"reflect"
)

// viewKey hashes everything a page's rendering depends on besides the
// templates: every field of its view, reached by reflection so that none can
// be forgotten, and the content address of each Markdown fragment.
func viewKey(v *view, frags *fragments) [32]byte {
	h := sha256.New()
	hashValue(h, reflect.ValueOf(v))
	for _, k := range frags.keys {
		h.Write(k[:])
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// hashValue writes an unambiguous encoding of v: every scalar with its
// kind, every string and list with its length. It panics on kinds a view
// must not hold (maps, whose order varies, funcs, channels), so that adding
// one is caught by the first test that renders a page.
func hashValue(h hash.Hash, v reflect.Value) {
	var buf [9]byte
	put := func(tag byte, n uint64) {
		buf[0] = tag
		binary.LittleEndian.PutUint64(buf[1:], n)
		h.Write(buf[:])
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			put('n', 0)
			return
		}
		put('p', 0)
		hashValue(h, v.Elem())
	case reflect.Struct:
		put('s', uint64(v.NumField()))
		for i := 0; i < v.NumField(); i++ {
			hashValue(h, v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		put('l', uint64(v.Len()))
		for i := 0; i < v.Len(); i++ {
			hashValue(h, v.Index(i))
		}
	case reflect.String:
		put('"', uint64(v.Len()))
		h.Write([]byte(v.String()))
	case reflect.Bool:
		b := uint64(0)
		if v.Bool() {
			b = 1
		}
		put('b', b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		put('i', uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		put('u', v.Uint())
	default:
		panic(fmt.Sprintf("render: a page view holds a %s, which its key cannot cover", v.Type()))
	}
}
