/* builtin_types: the six built-in homework types, written in the same YAML as a custom
 * types/NAME.yaml file and read by the same code. Scales follow the standard forms. */
#ifndef HWK_BUILTIN_TYPES_H
#define HWK_BUILTIN_TYPES_H

static const struct {
	const char *name;
	const char *yaml;
} hwk_builtins[] = {
	{"thought-record",
	 "name: thought-record\n"
	 "title: Thought record\n"
	 "fields:\n"
	 "- {name: situation, type: text, required: true, prompt: 'Situation (where, when, who)'}\n"
	 "- {name: emotion, type: text, prompt: Emotion}\n"
	 "- {name: intensity, type: integer, min: 0, max: 100, prompt: 'Intensity of the emotion'}\n"
	 "- {name: thought, type: text, required: true, prompt: 'Automatic thought'}\n"
	 "- {name: belief, type: integer, min: 0, max: 100, prompt: 'How much you believed it'}\n"
	 "- {name: evidence_for, type: text, prompt: 'Evidence for the thought'}\n"
	 "- {name: evidence_against, type: text, prompt: 'Evidence against the thought'}\n"
	 "- {name: balanced, type: text, prompt: 'Balanced thought'}\n"
	 "- {name: balanced_belief, type: integer, min: 0, max: 100, prompt: 'How much you believe the balanced thought'}\n"
	 "- {name: rerate, type: integer, min: 0, max: 100, prompt: 'Intensity of the emotion now'}\n"},
	{"activity",
	 "name: activity\n"
	 "title: Activity (behavioural activation)\n"
	 "fields:\n"
	 "- {name: activity, type: text, required: true, prompt: Activity}\n"
	 "- {name: planned, type: yesno, prompt: 'Was it planned'}\n"
	 "- {name: predicted_mood, type: integer, min: 0, max: 10, prompt: 'Mood you predicted'}\n"
	 "- {name: mood_before, type: integer, min: 0, max: 10, prompt: 'Mood before'}\n"
	 "- {name: mood_after, type: integer, min: 0, max: 10, prompt: 'Mood after'}\n"
	 "- {name: mastery, type: integer, min: 0, max: 10, prompt: 'Sense of mastery'}\n"
	 "- {name: pleasure, type: integer, min: 0, max: 10, prompt: Pleasure}\n"},
	{"exposure",
	 "name: exposure\n"
	 "title: Exposure\n"
	 "fields:\n"
	 "- {name: step, type: text, required: true, prompt: 'Step of the ladder'}\n"
	 "- {name: suds_before, type: integer, min: 0, max: 100, prompt: 'SUDS before'}\n"
	 "- {name: suds_peak, type: integer, min: 0, max: 100, prompt: 'Peak SUDS'}\n"
	 "- {name: suds_after, type: integer, min: 0, max: 100, prompt: 'SUDS at the end'}\n"
	 "- {name: minutes, type: integer, min: 0, max: 1440, unit: min, prompt: 'Minutes'}\n"
	 "- {name: safety_behaviours, type: text, prompt: 'Safety behaviours used'}\n"},
	{"sleep",
	 "name: sleep\n"
	 "title: Sleep diary\n"
	 "fields:\n"
	 "- {name: bed, type: time, required: true, prompt: 'Time you went to bed'}\n"
	 "- {name: lights_out, type: time, prompt: 'Time you tried to sleep'}\n"
	 "- {name: sol, type: integer, min: 0, max: 720, unit: min, prompt: 'Minutes to fall asleep'}\n"
	 "- {name: awakenings, type: integer, min: 0, max: 50, prompt: 'Times you woke in the night'}\n"
	 "- {name: waso, type: integer, min: 0, max: 720, unit: min, prompt: 'Minutes awake in the night'}\n"
	 "- {name: wake, type: time, required: true, prompt: 'Time of final awakening'}\n"
	 "- {name: out_of_bed, type: time, required: true, prompt: 'Time you got out of bed'}\n"
	 "- {name: quality, type: integer, min: 1, max: 5, prompt: 'Sleep quality (1 very poor, 5 very good)'}\n"},
	{"mindfulness",
	 "name: mindfulness\n"
	 "title: Mindfulness practice\n"
	 "fields:\n"
	 "- {name: practice, type: text, required: true, prompt: 'Practice (breathing, body scan, ...)'}\n"
	 "- {name: minutes, type: integer, min: 1, max: 600, required: true, unit: min, prompt: Minutes}\n"
	 "- {name: before, type: integer, min: 0, max: 10, prompt: 'Rating before'}\n"
	 "- {name: after, type: integer, min: 0, max: 10, prompt: 'Rating after'}\n"},
	{"task",
	 "name: task\n"
	 "title: Task\n"
	 "fields: []\n"},
};

#endif
