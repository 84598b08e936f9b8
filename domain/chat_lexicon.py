"""The words of the Portuguese chat rules: cues, slang and service vocabulary, reviewed like code.

Every entry is written normalised (lowercase, no accents, WhatsApp slang expanded by `SLANG`).
In a cue, `*` stands for the rest of a word (`reclam*` matches reclamar, reclamação, reclamei).
"""

from __future__ import annotations

from typing import Final, Literal

PartOfDay = Literal["manha", "tarde", "noite"]

# The tables stay compact, several words a line, so that a review reads them as lists.
# fmt: off

# Emojis are dropped, except the ones clients use as a one-symbol "ok".
EMOJI_WORDS: Final = {"👍": "ok", "👌": "ok", "✅": "ok", "🆗": "ok"}

# Whole-token rewrites of WhatsApp spellings, applied after accents and repeated letters go.
SLANG: Final = {
    "vc": "voce", "vcs": "voces", "pra": "para", "p": "para", "pr": "para", "hj": "hoje",
    "hje": "hoje", "hoj": "hoje", "oje": "hoje", "amanh": "amanha", "amnh": "amanha",
    "amnha": "amanha", "amh": "amanha", "amanhan": "amanha", "tb": "tambem", "tbm": "tambem",
    "q": "que", "oq": "o que", "pq": "porque", "n": "nao", "nn": "nao", "naum": "nao", "nop": "nao",
    "sab": "sabado", "seg": "segunda", "dps": "depois", "agr": "agora", "qto": "quanto",
    "qnto": "quanto", "qt": "quanto", "qnt": "quanto", "qnd": "quando", "qdo": "quando",
    "qndo": "quando", "vlw": "valeu", "vlr": "valor", "obg": "obrigada", "obgd": "obrigada",
    "obgda": "obrigada", "obgdo": "obrigado", "brigada": "obrigada", "brigado": "obrigado",
    "td": "tudo", "tds": "todos", "bm": "bem", "mt": "muito", "mto": "muito", "mta": "muita",
    "msg": "mensagem", "msgs": "mensagens", "d": "de", "c": "com", "cm": "com", "eh": "e",
    "tah": "ta", "to": "estou", "tou": "estou", "qro": "quero", "qero": "quero", "qria": "queria",
    "kero": "quero", "keria": "queria", "qer": "quero", "okay": "ok", "okey": "ok", "oki": "ok",
    "oky": "ok",
    "blza": "blz", "eai": "e ai", "eae": "e ai", "hrs": "h", "hr": "h", "hs": "h",
    "orario": "horario", "horaro": "horario", "hrario": "horario", "sombrancelha": "sobrancelha",
    "sombrancelhas": "sobrancelhas", "manicuri": "manicure", "pedicuri": "pedicure",
    "fds": "fim de semana", "pras": "para as", "pros": "para os",
}
# Laughter tokens ("kkkk" is "k" once repeated letters collapse); a lone "ha" is "há".
LAUGHTER: Final = r"k|(?:rs)+|(?:ha){2,}|(?:he){2,}|(?:hua){2,}|(?:hue){2,}"

# --- answers ------------------------------------------------------------------------------
AFFIRM_ANYWHERE: Final = (
    "sim", "pode ser", "pode marcar", "pode agendar", "pode confirmar", "pode reservar",
    "pode fechar", "pode deixar", "confirmo", "ta ok", "bora", "com certeza", "ta bom", "ta otimo",
    "ta perfeito", "ta certo", "ta combinado", "combinado", "fechou", "aceito", "topo",
    "estou dentro", "uhum", "aham", "isso mesmo", "isso ai", "quero sim", "da para mim",
)
# "pode ser com qualquer uma" says who may serve, it does not accept an offer.
NOT_AFFIRM_PHRASES: Final = ("pode ser (?:com )?qualquer*", "espero que sim")  # a wish
# Short answers that only count opening a clause made of nothing but answer words and not asked
# ("Fechado!", "claro, pode sim"): "fechado no domingo?", "loiro claro", "pode?" are not answers.
AFFIRM_SHORT: Final = (
    "s", "ss", "ok", "blz", "quero", "pode", "claro", "certo", "isso", "show", "otimo", "perfeito",
    "beleza", "fechado", "confirmado", "vamos", "vamo", "exato", "top", "demorou", "positivo",
)
ANSWER_FILLERS: Final = (
    "sim", "entao", "ok", "pode", "ser", "isso", "mesmo", "obrigada", "obrigado", "valeu", "por",
    "favor", "ta", "tudo", "bem", "certo", "claro", "perfeito", "otimo", "show", "beleza",
    "fechado", "combinado", "vamos", "la", "ai", "esse", "essa", "este", "esta", "o", "a",
    "horario", "amiga", "querida", "moca", "flor", "lindo", "linda", "top", "demais", "confirmado",
    "confirma", "confirmar", "quero", "sera", "e", "ah", "opa", "oi", "para", "mim", "ja", "que",
    "s", "ss", "agora", "muito",
)
NEGATIVE_FILLERS: Final = (
    "obrigada", "obrigado", "valeu", "entao", "amiga", "querida", "moca", "flor", "por", "favor",
    "mesmo", "ah", "poxa", "infelizmente", "desculpa", "nao",
)
# Asking for another time than the one offered ("não posso nesse dia, tem outro?").
ANOTHER_TIME_CUES: Final = (
    "outro", "outra", "outros", "outras", "mais tarde", "mais cedo", "algum outro", "alguma outra",
)
NEGATIVE_PHRASES: Final = (
    "nao posso", "nao vou poder", "nao consigo", "nao vou conseguir", "nao vai dar", "nao da",
    "nao quero", "nao obrigad*", "nao precis*", "nao rola", "nao tenho como", "agora nao",
    "hoje nao", "amanha nao", "melhor nao", "acho que nao", "ainda nao", "por enquanto nao",
    "infelizmente nao", "fica ruim", "ficaria ruim", "ruim para mim", "negativo", "dispenso",
    "fica para proxima", "deixa para proxima", "fica para outra", "deixa para outra",
    "nao pode ser", "nao confirmo", "nao aceito", "nao ta bom", "nao vou mais",
    "nao tenho interesse", "sem interesse", "nao (?:me )?interessa",
)
# "nao da para encaixar hoje?" asks for a slot; it does not decline one.
NOT_NEGATIVE_PHRASES: Final = ("nao da para (?:me |eu )?(?:encaix|marc|agend|atend|ve|faz)*",)

# --- intent cues --------------------------------------------------------------------------------
# Scheduling conflicts ("sexta fica ruim pra mim") and apologies are not complaints.
NOT_COMPLAINT_PHRASES: Final = (
    "fica ruim", "ficaria ruim", "seria ruim", "e ruim para mim", "ruim para mim",
    "ta ruim para mim", "desculp* (?:o|pelo) atraso", "perdao (?:o|pelo) atraso",
    "(?:chegar|chego|vou) com (?:um )?(?:pouco de |\\d+ min* de )?atraso",
    "desculp*(?: \\w+){0,4} (?:atraso|demora)", "(?:eu|que) atraso", "atraso (?:uns|umas|um pouco)",
)
COMPLAINT_CUES: Final = (
    "reclam*", "pessim*", "horrivel", "horriveis", "ruim", "atrasou", "atrasaram", "atraso",
    "esperei", "esperando ha", "fiquei esperando", "demorou muito", "demorou demais", "demoraram",
    "insatisfeit*", "machuc*", "queimou", "queimaram", "queimad*", "estragou", "estragaram",
    "estragad*", "cobraram errado", "cobrado errado", "cobrou errado", "cobraram a mais",
    "cobraram mais", "nao gostei", "detestei", "odiei", "falta de respeito", "desrespeit*",
    "absurd*", "decepcion*", "decepcao", "descaso", "mal atendid*", "descascou", "descascando",
    "manchou", "manchad*", "ficou torto", "ficou torta", "cortou demais", "cortaram demais",
    "cortou errado", "cortaram errado", "dinheiro de volta", "reembolso", "estorno", "procon",
    "nunca mais volto", "nunca mais piso", "vergonha", "lamentavel", "ridicul*", "porcaria",
    "sem educacao", "mal educad*", "grosseir*", "foi grossa", "foi grosso", "nao respeit*",
    "desbot*", "ja pedi", "chatead*", "falhad*", "que demora", "esperando desde", "estou esperando",
    "ate agora nada", "raiva", "ja quebrou", "ja descascou", "ninguem (?:me )?atend*",
    "tirou (?:um )?bife", "cortou (?:o )?meu dedo", "sangr*",
)
# The client asks for a person of the salon: the agent hands the conversation over.
HANDOFF_CUES: Final = (
    "atendente", "atendimento humano", "atendimento pessoal", "ser humano", "humano", "humana",
    "pessoa de verdade", "pessoa real", "alguem de verdade", "gente de verdade",
    "falar com (?:uma |um |a |o |alguma |algum )?(?:pessoa|humano|alguem|gente|dono|dona|gerente"
    "|responsavel|proprietari*|funcionari*|recepcao|recepcionista|moca|menina*)",
    "falar com (?:voces|o salao)", "nao quero (?:falar com )?(?:robo|bot|maquina)",
    "(?:voce|isso|aqui) e (?:um |uma )?(?:robo|bot|maquina|ia|inteligencia artificial)",
    "e (?:um )?robo", "chama (?:alguem|a dona|o dono|a gerente|o gerente|a responsavel)",
    "me liga*", "pode me ligar", "liga para mim", "ligar para voces", "falar (?:por|no) telefone",
    "robo", "bot", "(?:gente|pessoa|humano) ou (?:maquina|robo|bot)", "ou (?:maquina|robo)",
    "chama (?:uma|um|a|o) (?:moca|pessoa|atendente|menina|humano)", "alguem do salao",
    "(?:preciso|quero) (?:de )?(?:uma|alguma) pessoa", "me chama no privado",
    "(?:passa|transfere|encaminha)r? (?:para|pro) (?:a |o )?(?:recepcao|atendente|dona|dono"
    "|gerente|alguem|responsavel)",
    "pede para (?:ela|ele) me (?:chamar|ligar|responder)",
)
# "falar com a Juliana": a person of the salon by name (a professional the salon has).
TALK_TO: Final = "falar com (?:a |o )?"
BOOKING_CUES: Final = (
    "agendar", "agenda", "agende", "agendamento", "agendado", "marcar", "marque", "me marca",
    "marca (?:para|um|uma|ai|la|entao|sim)", "marcacao", "marcado", "remarcar", "remarca",
    "reagendar", "reservar", "reserva", "reserve", "encaix*", "tem horario", "tem horarios",
    "tem vaga", "tem vagas", "algum horario", "horario disponivel", "horario livre",
    "horarios disponiveis", "horarios livres", "que horario tem", "quais horarios",
    "disponibilidade", "tem agenda", "quero fazer", "queria fazer", "gostaria de fazer",
    "preciso fazer", "quero ir", "queria ir", "posso ir", "consigo ir", "me atender", "me atende",
    "da para (?:eu )?(?:ir|ser|marc*|agend*|faz*|encaix*)", "trocar (?:o|meu) horario",
    "mudar (?:o|meu) horario", "adiantar",
)
SLOT_WORDS: Final = ("horario", "horarios", "vaga", "vagas")
# "horario" and "vaga" only count when they do not speak of opening hours or parking.
NOT_BOOKING_PHRASES: Final = (
    "horario de funcionamento", "horario de atendimento", "horario (?:que|q) (?:abre|fecha)*",
    "vaga* (?:de|para|pro) estaciona*", "vaga* (?:para|pro) (?:o )?carro", "meu horario",
    "fazer (?:um )?orcamento",
)
OPENING_HOURS_CUES: Final = (
    "abre", "abrem", "fecha", "fecham", "funciona*", "aberto", "aberta", "abertos", "abertas",
)
# A clause asking for something: its day, time and names win over the story around them
# ("tenho uma festa sexta à noite, tem como na sexta de tarde?" -> tarde).
REQUEST_CUES: Final = (
    "tem como", "da para", "consegue", "consigo", "pode ser", "quero", "queria", "gostaria",
    "preciso", "prefiro",
)
# Telling the salon one is late, on the way or there asks for no slot (arrived > late > on
# the way: "cheguei, desculpa a demora" is there).
ARRIVED_CUES: Final = (
    "cheguei", "ja cheguei", "acabei de chegar", "estou (?:aqui )?na porta", "estou na frente",
    "estou aqui (?:fora|embaixo|na frente|no salao|na recepcao|em frente)", "estou na recepcao",
    "ja estou ai", "ja estou aqui", "estou ai (?:fora|na porta|embaixo)", "estou aqui ja",
)
LATE_CUES: Final = (
    "vou atrasar", "vou me atrasar", "vou chegar atrasad*", "vou chegar (?:um pouco )?mais tarde",
    "estou atrasad*", "atrasadinh*", "vou atrasar*", "me atrasar", "atrasar uns", "atrasar umas",
    "chego atrasad*", "vou ficar atrasad*", "(?:com|de) atraso", "de atraso", "atrasad[oa] uns",
    "chego (?:uns |umas )?\\d+ min* (?:depois|mais tarde|atrasad*)",
    "vou demorar (?:um pouco|uns|umas|mais)", "desculpa* (?:o|pelo|a|pela) (?:atraso|demora)",
    "atrasando", "atrasei", "(?:vou|chego|estou|fico|ficar|chegar)(?: \\w+){0,5} atrasad*",
    "(?:preso|presa|parado|parada) no transito", "(?:eu|que) atraso",
    "atraso (?:uns|umas|um pouco)",
)
ON_THE_WAY_CUES: Final = (
    "a caminho", "estou indo", "ja estou indo", "saindo (?:agora|de casa|daqui)", "jaja",
    "estou chegando", "chegando ai", "ja chego", "chego em", "to indo",
    "peguei o (?:uber|onibus|metro|carro)", "no (?:uber|onibus|metro) (?:indo|chegando)",
)
# Minutes a client says they are late or away ("uns 10 min", "meia hora", "quinze minutos").
MINUTE_WORDS: Final = {
    "cinco": 5, "dez": 10, "quinze": 15, "vinte": 20, "trinta": 30, "quarenta": 40,
    "cinquenta": 50,
}
RESCHEDULE_CUES: Final = (
    "remarc*", "reagend*", "mudar", "muda", "trocar", "troca", "passar", "passa", "adiar", "adia",
    "adiantar",
)
# A time without a day ("semana que vem") still asks for a slot.
VAGUE_WHEN: Final = (
    "semana que vem", "proxima semana", "essa semana", "esta semana", "fim de semana", "outro dia",
    "outro horario", "mais tarde", "mais cedo", "fim do mes", "comeco do mes", "inicio do mes",
    "mes que vem", "proximo mes",
)
CANCEL_CUES: Final = (
    "cancelar", "cancela", "cancelo", "cancele", "desmarc*", "nao vou poder ir",
    "nao vou (?:mais )?(?:poder )?(?:ir|comparecer)", "nao vou conseguir (?:ir|comparecer)",
    "nao posso (?:mais )?ir", "tira* meu (?:horario|nome|agendamento)",
    "pode tirar (?:o )?meu (?:horario|nome)",
)
# Answers to a reminder about the client's coming booking.
CONFIRM_CUES: Final = (
    "confirmo", "confirmad*", "confirmando", "confirmar presenca", "presenca confirmada",
    "estarei ai", "estarei la", "vou estar ai", "vou estar la", "pode contar comigo",
)
NOT_CANCEL_PHRASES: Final = (
    "nao (?:quero |precis* |vou )?(?:cancel*|desmarc*)",
    "(?:se|caso) (?:eu )?(?:precisar )?(?:cancel*|desmarc*|faltar)",
)
RESCHEDULE_REPLY_CUES: Final = (
    "remarc*", "reagend*", "adiar", "adia", "outro horario", "outro dia",
    "(?:mudar|trocar|muda|troca) (?:o |meu |de |do )?(?:horario|dia)",
)
# Moving the client's own booking (the intent; a reminder's answer also takes the cues above).
RESCHEDULE_INTENT_CUES: Final = (
    "remarc*", "reagend*", "adiar", "adia o", "adia meu", "desmarcar e marcar",
    "(?:mudar|trocar|muda|troca|passar|passa|alterar|altera|mover|empurrar) (?:o |meu |de |do |a "
    "|minha |o meu |a minha )?(?:horario|dia|hora|agendamento|marcacao|data|atendimento)",
    "(?:mudar|trocar|passar|muda|troca|passa) (?:ele |isso )?para (?:outro|outra|mais)",
    # a moving verb, a few words, then "para" and a when: "passar minha escova das 10 pras 11"
    "(?:mudar|trocar|passar|jogar|empurrar|adiantar|muda|troca|passa|joga|empurra|adianta)"
    "(?: \\w+){0,6}? (?:para|pro|pros|pras) (?:a |o |as |os |de |dia |o dia |depois de )?"
    "(?:\\d*|segunda|terca|quarta|quinta|sexta|sabado|domingo|amanha|hoje|noite|tarde|manha"
    "|outr*|mais|semana|fim|proxim*|inicio|comeco|mes)",
    "cancel*(?: \\w+){0,5} e (?:marca|agenda|remarca|coloca|passa)*",
)
PAST_CUES: Final = ("ontem", "semana passada", "fiz", "fui", "ficou", "foi")
INQUIRY_CUES: Final = (
    "quanto custa", "quanto e", "quanto ta", "quanto fica", "quanto sai", "quanto cobr*",
    "quanto esta", "quanto seria", "qual o valor", "qual valor", "valor*", "preco*", "tabela",
    "custa", "cartao", "pix", "debito", "credito", "parcel*", "dinheiro", "aceita*", "endereco",
    "onde fica", "onde e", "onde voces ficam", "onde ficam", "localizacao", "como chego",
    "como chegar", "abre", "abrem", "fecha", "fecham", "funciona*", "aberto", "aberta", "atende",
    "atendem", "atendendo", "abertos", "abertas", "diferenca", "faz", "instagram", "insta",
    "estacionamento", "estaciona*", "quanto tempo", "demora", "dura", "voces fazem", "voce faz",
    "fazem", "trabalham com", "trabalha com", "desconto", "promocao", "cupom", "ate que horas",
    "que horas voces", "qual (?:a )?marca", "orcamento", "e possivel", "confirmando",
    "meu horario (?:e|esta|ta|ficou)", "ainda trabalha", "trabalha ai", "trabalha aqui",
)
# What a client asks about the salon itself, by topic (SalonTopic); the profile answers.
TOPIC_CUES: Final = {
    "address": (
        "endereco", "onde fica*", "onde e o salao", "onde e ai", "onde voces ficam", "onde ficam",
        "onde voces estao", "localiza*", "como chego", "como chegar", "como faco para chegar",
        "qual (?:a )?rua", "que rua", "qual (?:o )?bairro", "que bairro", "referencia", "mapa",
        "maps", "fica perto", "fica onde", "fica em qual", "onde e que fica",
    ),
    "hours": (
        "abre", "abrem", "fecha", "fecham", "funcionam", "funcionamento", "aberto", "aberta",
        "abertos", "abertas",
        "funciona (?:de|no|aos|em|hoje|amanha|sabado|domingo|feriado|ate)",
        "horario de funcionamento", "horario de atendimento", "ate que horas",
        "que horas (?:voces )?(?:abre*|fecha*|comeca*|atende*)", "expediente", "feriado*",
        "atendem (?:de|no|aos|em|sabado|domingo)", "atende (?:de|no|aos|em|sabado|domingo)",
        "ainda (?:estao )?atendendo", "trabalham (?:de|no|aos) (?:sabado|domingo|feriado)",
    ),
    "payment": (
        "cartao", "pix", "debito", "credito", "parcel*", "em dinheiro", "dinheiro vivo",
        "dinheiro ou", "ou dinheiro", "forma* de pagamento",
        "aceita*", "pagar com", "pagar no", "posso pagar", "da para pagar", "como (?:eu )?pago",
        "como (?:posso )?pagar", "maquininha", "vale (?:refeicao|alimentacao|beneficio)",
        "sem juros", "a vista", "pagamento",
    ),
    "parking": (
        "estacionamento", "estaciona*", "deixar o carro", "deixo o carro", "paro o carro",
        "parar o carro", "vaga* (?:de|para|pro) (?:estaciona*|carro|moto)",
        "vaga* para (?:o )?carro",
        "manobrista", "valet",
    ),
    "cancellation": (
        "politica de cancelamento", "taxa de cancelamento", "regra* de cancelamento", "multa",
        "cobra* (?:se|caso) (?:eu )?(?:faltar|cancel*|desmarc*|nao (?:for|puder|aparecer))",
        "(?:cobra*|tem|vai ter|pago|pagar|paga) (?:alguma )?taxa", "se eu faltar", "antecedencia",
        "politica (?:de|para) falta*", "como funciona (?:o|a) (?:cancelamento|politica|desmarca*)",
    ),
    "about": (
        "sobre o salao", "sobre voces", "(?:me )?fala* (?:um pouco )?(?:do|sobre o) salao",
        "ha quanto tempo (?:voces|o salao)", "quanto tempo (?:voces|o salao) (?:tem|existe*)",
        "desde quando", "(?:o salao|voces) existe*",
        "(?:qual|passa|manda|tem) (?:o )?(?:instagram|insta|site)",
        "(?:instagram|insta|site) de voces",
        "redes sociais",
    ),
}
HELLO_CUES: Final = (
    "oi", "oie", "ola", "bom dia", "boa tarde", "boa noite", "tudo bem", "tudo bom", "e ai", "opa",
    "hey", "alo", "salve", "obrigad*", "valeu", "agradeco", "amei", "adorei", "bjs", "beijo*",
    "ate logo", "ate mais", "ate breve", "ate la",
)
# "até sábado" closing a conversation: a farewell, not a request for Saturday.
FAREWELL_CLAUSE: Final = r"ate (?:amanha|logo|mais|breve|la|depois|hoje|{weekday})(?: entao)?"

# --- services -----------------------------------------------------------------------------------
# Everyday words -> a category; the category's name keywords pick the salon's own service.
SERVICE_WORDS: Final = {
    "corte": (
        "corte", "cortes", "cortar", "corta", "corto", "cortei", "aparar", "apara", "franja",
        "pontas",
    ),
    "escova": ("escova", "escovinha", "escovar", "chapinha"),
    "manicure": (
        "unha", "unhas", "unhinha", "mao", "maos", "maozinha", "manicure", "manicura", "esmaltacao",
        "esmaltar", "esmalte",
    ),
    "pedicure": ("pe", "pes", "pezinhos", "pedicure", "pedicuro"),
    "barba": ("barba", "barbear", "bigode", "barboterapia"),
    "sobrancelha": ("sobrancelha", "sobrancelhas", "design"),
    "luzes": (
        "luzes", "mechas", "mecha", "reflexo", "reflexos", "balaiagem", "balayage", "babylights",
    ),
    "coloracao": (
        "pintar", "pinta", "tinta", "tintura", "coloracao", "colorir", "retoque de raiz",
        "retocar a raiz", "raiz",
    ),
    "hidratacao": ("hidratacao", "hidratar", "hidrata", "tratamento", "reconstrucao"),
}
SERVICE_NAME_KEYWORDS: Final = {
    "corte": ("corte",),
    "escova": ("escova",),
    "manicure": ("manicure", "mao", "maos", "unha", "unhas"),
    "pedicure": ("pedicure", "pe", "pes"),
    "barba": ("barba",),
    "sobrancelha": ("sobrancelha", "sobrancelhas", "design"),
    "luzes": ("luzes", "mechas", "reflexo", "reflexos"),
    "coloracao": ("coloracao", "tintura", "tinta", "cor"),
    "hidratacao": ("hidratacao", "tratamento"),
}
# Other services that share a word with one of ours: no "escova" for "escova progressiva".
NOT_SERVICE_PHRASES: Final = (
    "escova progressiva", "escova definitiva", "escova inteligente", "escova marroquina",
    "progressiva",
)
# A haircut for him: the men's cut, when the salon names one.
MALE_CUES: Final = (
    "masculino", "masc", "barba", "filho", "marido", "namorado", "noivo", "ele", "menino", "homem",
    "pai", "barbeiro", "degrade", "maquina", "pezinho",
)
MALE_SERVICE_WORDS: Final = ("masculino", "masc", "homem")
FEMALE_SERVICE_WORDS: Final = ("feminino", "fem", "mulher")

# --- dates and times ----------------------------------------------------------------------------
WEEKDAYS: Final = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
MONTHS: Final = (
    "janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro",
    "outubro", "novembro", "dezembro",
)
HOUR_WORDS: Final = {
    "uma": 1, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8,
    "nove": 9, "dez": 10, "onze": 11, "doze": 12,
}
PART_OF_DAY_WORDS: Final[dict[str, PartOfDay]] = {
    "manha": "manha", "manhazinha": "manha", "cedo": "manha", "cedinho": "manha", "tarde": "tarde",
    "tardinha": "tarde", "noite": "noite", "noitinha": "noite", "depois do almoco": "tarde",
}
# Greetings and "later" are not a part of the day.
NOT_PART_OF_DAY: Final = (
    "bom dia", "boa tarde", "boa noite", "mais tarde", "tarde demais", "muito tarde", "ta tarde",
    "mais cedo que",
)
# Words that make a clock time a limit ("depois das 18h") or a duration ("demora 2h").
TIME_BOUND_BEFORE: Final = ("antes", "ate")
TIME_BOUND_AFTER: Final = ("depois", "apos", "partir")
DURATION_QUESTIONS: Final = ("quanto tempo", "demora*", "dura", "durar", "leva quanto")
DURATION_CUES: Final = (
    "demora", "dura", "leva", "demorar", "durar", "levar", "mais de", "menos de", "cerca de",
    "quase",
)
# Introductions: "aqui é a Juliana" names the client, not a professional.
SELF_NAME_CUES: Final = (
    "aqui e", "aqui e a", "aqui e o", "sou", "sou a", "sou o", "meu nome e", "me chamo", "eu sou",
    "eu sou a", "eu sou o",
)
# fmt: on
