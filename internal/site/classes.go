package site

import "github.com/statusgen/statusgen/internal/content"

// classInfo describes the five classes RFC 9110 Section 15 defines.
var classInfo = [...]struct {
	title, intro, section string
}{
	1: {"Informational", "Interim responses: the server has the request and is still working on it, or is telling the client how to proceed. A final response always follows.", "15.2"},
	2: {"Successful", "The server received, understood and accepted the request. Which 2xx code it picks says what happened: content returned, a resource created, work queued, or nothing to send back.", "15.3"},
	3: {"Redirection", "The client has to take another step to complete the request, usually by following the Location header to another URL or by reusing a copy it already holds.", "15.4"},
	4: {"Client Error", "The request itself is the problem: bad syntax, missing credentials, a forbidden or missing resource, or too much of something. Retrying the same request will fail the same way.", "15.5"},
	5: {"Server Error", "The request may have been fine, but the server, or something behind it, failed to handle it. These are the server operator's problem, and some are worth retrying.", "15.6"},
}

// NewClass returns the class of the given digit, 1 to 5, with no members.
func NewClass(digit int) *Class {
	ci := classInfo[digit]
	return &Class{
		Digit: digit,
		Name:  string(rune('0'+digit)) + "xx",
		Title: ci.title,
		Intro: ci.intro,
		Spec: content.Spec{
			Name: "RFC 9110, Section " + ci.section,
			URL:  "https://www.rfc-editor.org/rfc/rfc9110.html#section-" + ci.section,
		},
		URL: ClassURL(digit),
	}
}
